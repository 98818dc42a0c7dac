//! Must not compile: class frozen mut self.
use pyo3::prelude::*;

#[pyclass(frozen)]
struct F {
    x: i32,
}

#[pymethods]
impl F {
    fn bump(&mut self) {
        self.x += 1;
    }
}

fn main() {}
