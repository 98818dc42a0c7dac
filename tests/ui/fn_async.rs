//! Must not compile: fn async.
use pyo3::prelude::*;

#[pyfunction]
async fn f() {}

fn main() {}
