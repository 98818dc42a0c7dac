//! Must not compile: methods getter with args.
use pyo3::prelude::*;

#[pyclass]
struct S;

#[pymethods]
impl S {
    #[getter]
    fn value(&self, scale: i32) -> i32 {
        scale
    }
}

fn main() {}
