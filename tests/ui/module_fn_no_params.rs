//! Must not compile: module fn no params.
use pyo3::prelude::*;

#[pymodule]
fn m() -> PyResult<()> {
    Ok(())
}

fn main() {}
