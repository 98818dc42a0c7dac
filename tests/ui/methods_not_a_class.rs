//! Must not compile: methods not a class.
use pyo3::prelude::*;

struct Plain;

#[pymethods]
impl Plain {
    fn m(&self) {}
}

fn main() {}
