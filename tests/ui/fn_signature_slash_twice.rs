//! Must not compile: fn signature slash twice.
use pyo3::prelude::*;

#[pyfunction]
#[pyo3(signature = (a, /, b, /))]
fn f(a: i32, b: i32) -> i32 {
    a + b
}

fn main() {}
