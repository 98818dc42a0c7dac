//! Must not compile: class eq without partial eq.
use pyo3::prelude::*;

#[pyclass(eq)]
struct S {
    x: i32,
}

fn main() {}
