//! Must not compile: fn self receiver.
use pyo3::prelude::*;

struct S;

impl S {
    #[pyfunction]
    fn f(&self) {}
}

fn main() {}
