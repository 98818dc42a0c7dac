//! Must not compile: class on fn.
use pyo3::prelude::*;

#[pyclass]
fn f() {}

fn main() {}
