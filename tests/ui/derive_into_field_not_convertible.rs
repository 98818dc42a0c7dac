//! Must not compile: derive into field not convertible.
use pyo3::prelude::*;

struct Opaque;

#[derive(IntoPyObject)]
struct S {
    a: Opaque,
}

fn main() {}
