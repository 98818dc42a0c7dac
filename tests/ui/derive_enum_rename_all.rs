//! Must not compile: `rename_all` on an enum for `IntoPyObject` (only its variants may have
//! one), and on both an enum and one of its variants for `FromPyObject`, as in PyO3.
use pyo3::prelude::*;

#[derive(IntoPyObject)]
#[pyo3(rename_all = "camelCase")]
enum Out {
    A { my_field: i32 },
}

#[derive(FromPyObject)]
#[pyo3(rename_all = "camelCase")]
enum In {
    #[pyo3(rename_all = "kebab-case")]
    A { my_field: i32 },
}

fn main() {}
