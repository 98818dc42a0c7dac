//! Must not compile: derive unit struct.
use pyo3::prelude::*;

#[derive(FromPyObject)]
struct Unit;

fn main() {}
