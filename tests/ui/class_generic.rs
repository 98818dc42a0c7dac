//! Must not compile: class generic.
use pyo3::prelude::*;

#[pyclass]
struct Generic<T> {
    value: T,
}

fn main() {}
