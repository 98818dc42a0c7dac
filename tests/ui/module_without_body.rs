//! Must not compile: module without body.
use pyo3::prelude::*;

#[pymodule]
mod m;

fn main() {}
