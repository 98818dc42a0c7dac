//! Must not compile: fn signature after kwargs.
use pyo3::prelude::*;
use pyo3::types::PyDict;

#[pyfunction]
#[pyo3(signature = (**kwargs, a))]
fn f(kwargs: Option<&Bound<'_, PyDict>>, a: i32) -> i32 {
    let _ = kwargs;
    a
}

fn main() {}
