//! Must not compile: class unknown option.
use pyo3::prelude::*;

#[pyclass(frozzen)]
struct S;

fn main() {}
