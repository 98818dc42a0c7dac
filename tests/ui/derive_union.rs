//! Must not compile: derive union.
use pyo3::prelude::*;

#[derive(FromPyObject)]
union U {
    a: u32,
    b: f32,
}

fn main() {}
