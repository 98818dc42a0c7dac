//! Must not compile: module wrong return.
use pyo3::prelude::*;

#[pymodule]
fn m(_m: &Bound<'_, PyModule>) -> i32 {
    1
}

fn main() {}
