//! Must not compile: methods self by value.
use pyo3::prelude::*;

#[pyclass]
struct S;

#[pymethods]
impl S {
    fn consume(self) {}
}

fn main() {}
