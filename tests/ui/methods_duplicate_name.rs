//! Must not compile: methods duplicate name.
use pyo3::prelude::*;

#[pyclass]
struct S;

#[pymethods]
impl S {
    fn run(&self) {}

    #[pyo3(name = "run")]
    fn run_again(&self) {}
}

fn main() {}
