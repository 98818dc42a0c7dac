//! Must not compile: methods len arity.
use pyo3::prelude::*;

#[pyclass]
struct S;

#[pymethods]
impl S {
    fn __len__(&self, extra: i32) -> usize {
        extra as usize
    }
}

fn main() {}
