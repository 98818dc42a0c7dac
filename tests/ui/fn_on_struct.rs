//! Must not compile: fn on struct.
use pyo3::prelude::*;

#[pyfunction]
struct S;

fn main() {}
