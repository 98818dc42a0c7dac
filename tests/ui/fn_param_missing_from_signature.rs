//! Must not compile: fn param missing from signature.
use pyo3::prelude::*;

#[pyfunction]
#[pyo3(signature = (a))]
fn f(a: i32, b: i32) -> i32 {
    a + b
}

fn main() {}
