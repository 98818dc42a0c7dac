use pyo3::prelude::*;

#[derive(FromPyObject)]
struct Unit;

fn main() {}
