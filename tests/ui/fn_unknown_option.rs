use pyo3::prelude::*;

#[pyfunction(nmae = "g")]
fn f() {}

fn main() {}
