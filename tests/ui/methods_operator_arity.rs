//! Must not compile: special methods of the new protocols with the wrong number of arguments.
use pyo3::prelude::*;

#[pyclass]
struct S;

#[pymethods]
impl S {
    fn __add__(&self) -> i32 {
        0
    }
    fn __pow__(&self, other: i32) -> i32 {
        other
    }
    fn __setitem__(&mut self, _key: i32) {}
    fn __neg__(&self, x: i32) -> i32 {
        x
    }
    fn __get__(&self, instance: i32) -> i32 {
        instance
    }
    fn __anext__(&self, x: i32) -> Option<i32> {
        Some(x)
    }
    fn __iadd__(&mut self, _a: i32, _b: i32) {}
}

fn main() {}
