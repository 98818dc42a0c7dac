//! Must not compile: fn unsafe.
use pyo3::prelude::*;

#[pyfunction]
unsafe fn f() {}

fn main() {}
