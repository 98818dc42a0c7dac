//! Must not compile: derive transparent two fields.
use pyo3::prelude::*;

#[derive(FromPyObject)]
#[pyo3(transparent)]
struct Two {
    a: i32,
    b: i32,
}

fn main() {}
