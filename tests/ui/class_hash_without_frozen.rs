//! Must not compile: class hash without frozen.
use pyo3::prelude::*;

#[pyclass(eq, hash)]
#[derive(PartialEq, Hash)]
struct S {
    x: i32,
}

fn main() {}
