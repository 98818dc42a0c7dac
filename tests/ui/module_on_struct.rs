//! Must not compile: module on struct.
use pyo3::prelude::*;

#[pymodule]
struct S;

fn main() {}
