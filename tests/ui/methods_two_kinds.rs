//! Must not compile: methods two kinds.
use pyo3::prelude::*;

#[pyclass]
struct S;

#[pymethods]
impl S {
    #[staticmethod]
    #[classattr]
    fn both() -> i32 {
        1
    }
}

fn main() {}
