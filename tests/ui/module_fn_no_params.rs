use pyo3::prelude::*;

#[pymodule]
fn m() -> PyResult<()> {
    Ok(())
}

fn main() {}
