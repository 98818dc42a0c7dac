use pyo3::prelude::*;

struct Opaque;

#[pyfunction]
fn f(x: Opaque) {
    let _ = x;
}

fn main() {}
