//! Must not compile: module unknown option.
use pyo3::prelude::*;

#[pymodule(gil_unused)]
fn m(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}

fn main() {}
