//! Must not compile: fn unknown param option.
use pyo3::prelude::*;

#[pyfunction]
fn f(#[pyo3(from_python_with = g)] x: i32) -> i32 {
    x
}

fn main() {}
