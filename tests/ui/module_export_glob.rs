//! Must not compile: module export glob.
use pyo3::prelude::*;

#[pyfunction]
fn f() {}

#[pymodule]
mod m {
    #[pymodule_export]
    use super::*;
}

fn main() {}
