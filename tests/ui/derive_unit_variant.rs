//! Must not compile: derive unit variant.
use pyo3::prelude::*;

#[derive(FromPyObject)]
enum E {
    A(i32),
    B,
}

fn main() {}
