//! Must not compile: fn unknown option.
use pyo3::prelude::*;

#[pyfunction(nmae = "g")]
fn f() {}

fn main() {}
