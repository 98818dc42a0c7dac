//! Must not compile: methods trait impl.
use pyo3::prelude::*;

#[pyclass]
struct S;

#[pymethods]
impl Clone for S {
    fn clone(&self) -> Self {
        S
    }
}

fn main() {}
