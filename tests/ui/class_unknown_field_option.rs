//! Must not compile: class unknown field option.
use pyo3::prelude::*;

#[pyclass]
struct S {
    #[pyo3(gett)]
    x: i32,
}

fn main() {}
