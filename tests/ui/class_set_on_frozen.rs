//! Must not compile: class set on frozen.
use pyo3::prelude::*;

#[pyclass(frozen)]
struct S {
    #[pyo3(get, set)]
    x: i32,
}

fn main() {}
