//! Must not compile: derive unknown rename rule.
use pyo3::prelude::*;

#[derive(FromPyObject)]
#[pyo3(rename_all = "camel_case")]
struct S {
    a_b: i32,
}

fn main() {}
