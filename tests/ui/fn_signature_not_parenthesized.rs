//! Must not compile: fn signature not parenthesized.
use pyo3::prelude::*;

#[pyfunction(signature = "a, b")]
fn f(a: i32, b: i32) -> i32 {
    a + b
}

fn main() {}
