//! Must not compile: module export fn.
use pyo3::prelude::*;

#[pymodule]
mod m {
    #[pymodule_export]
    fn f() {}
}

fn main() {}
