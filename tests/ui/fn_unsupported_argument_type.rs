//! Must not compile: fn unsupported argument type.
use pyo3::prelude::*;

struct Opaque;

#[pyfunction]
fn f(x: Opaque) {
    let _ = x;
}

fn main() {}
