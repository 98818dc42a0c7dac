use pyo3::prelude::*;

#[pymodule]
struct S;

fn main() {}
