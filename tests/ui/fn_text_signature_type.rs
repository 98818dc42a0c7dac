//! Must not compile: fn text signature type.
use pyo3::prelude::*;

#[pyfunction]
#[pyo3(text_signature = 1)]
fn f() {}

fn main() {}
