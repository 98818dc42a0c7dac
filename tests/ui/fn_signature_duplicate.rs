//! Must not compile: fn signature duplicate.
use pyo3::prelude::*;

#[pyfunction]
#[pyo3(signature = (a, a))]
fn f(a: i32) -> i32 {
    a
}

fn main() {}
