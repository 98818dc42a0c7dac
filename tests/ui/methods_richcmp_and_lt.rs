//! Must not compile: `__richcmp__` together with an individual comparison method.
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;

#[pyclass]
struct S;

#[pymethods]
impl S {
    fn __richcmp__(&self, other: i32, op: CompareOp) -> bool {
        op.matches(0.cmp(&other))
    }
    fn __lt__(&self, other: i32) -> bool {
        other > 0
    }
}

fn main() {}
