//! Must not compile: `FromPyObject` for an item with two lifetimes (its one lifetime, if any, is
//! the `'py` of the extracted objects).
use pyo3::prelude::*;

#[derive(FromPyObject)]
struct Two<'a, 'b> {
    #[pyo3(item)]
    a: Bound<'a, PyAny>,
    #[pyo3(item)]
    b: Bound<'b, PyAny>,
}

fn main() {}
