//! Must not compile: methods static with self.
use pyo3::prelude::*;

#[pyclass]
struct S;

#[pymethods]
impl S {
    #[staticmethod]
    fn s(&self) {}
}

fn main() {}
