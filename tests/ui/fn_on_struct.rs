use pyo3::prelude::*;

#[pyfunction]
struct S;

fn main() {}
