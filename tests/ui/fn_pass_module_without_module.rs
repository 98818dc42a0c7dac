//! Must not compile: fn pass module without module.
use pyo3::prelude::*;

#[pyfunction]
#[pyo3(pass_module)]
fn f(x: i32) -> i32 {
    x
}

fn main() {}
