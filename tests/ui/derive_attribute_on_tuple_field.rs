//! Must not compile: derive attribute on tuple field.
use pyo3::prelude::*;

#[derive(FromPyObject)]
struct T(#[pyo3(attribute("x"))] i32, i32);

fn main() {}
