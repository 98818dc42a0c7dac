//! Must not compile: derive unknown field option.
use pyo3::prelude::*;

#[derive(FromPyObject)]
struct S {
    #[pyo3(getattr)]
    a: i32,
}

fn main() {}
