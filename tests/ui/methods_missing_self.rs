//! Must not compile: methods missing self.
use pyo3::prelude::*;

#[pyclass]
struct S;

#[pymethods]
impl S {
    fn helper(x: i32) -> i32 {
        x
    }
}

fn main() {}
