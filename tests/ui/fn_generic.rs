//! Must not compile: fn generic.
use pyo3::prelude::*;

#[pyfunction]
fn f<T: Clone>(x: T) -> T {
    x
}

fn main() {}
