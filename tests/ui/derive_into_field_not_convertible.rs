use pyo3::prelude::*;

struct Opaque;

#[derive(IntoPyObject)]
struct S {
    a: Opaque,
}

fn main() {}
