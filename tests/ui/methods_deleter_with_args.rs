//! Must not compile: a `#[deleter]` taking a value.
use pyo3::prelude::*;

#[pyclass]
struct S;

#[pymethods]
impl S {
    #[deleter]
    fn delete_x(&mut self, value: i32) {
        let _ = value;
    }
}

fn main() {}
