//! Must not compile: fn unsupported return type.
use pyo3::prelude::*;

struct Opaque;

#[pyfunction]
fn f() -> Opaque {
    Opaque
}

fn main() {}
