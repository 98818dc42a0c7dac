//! Must not compile: class lifetime.
use pyo3::prelude::*;

#[pyclass]
struct Borrows<'a> {
    text: &'a str,
}

fn main() {}
