//! Must not compile: fn signature unknown name.
use pyo3::prelude::*;

#[pyfunction]
#[pyo3(signature = (a, c = 1))]
fn f(a: i32) -> i32 {
    a
}

fn main() {}
