//! Must not compile: derive field not extractable.
use pyo3::prelude::*;

struct Opaque;

#[derive(FromPyObject)]
struct S {
    a: Opaque,
}

fn main() {}
