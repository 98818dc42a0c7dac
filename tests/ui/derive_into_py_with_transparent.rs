//! Must not compile: `into_py_with` on a transparent container (the field's own conversion is
//! the container's, as in PyO3).
use pyo3::prelude::*;
use std::borrow::Cow;

fn neg<'py>(v: Cow<'_, i64>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    Ok((-*v).into_pyobject(py)?.into_any())
}

#[derive(IntoPyObject)]
struct Newtype(#[pyo3(into_py_with = neg)] i64);

#[derive(IntoPyObject)]
#[pyo3(transparent)]
struct Wrapper {
    #[pyo3(into_py_with = neg)]
    value: i64,
}

fn main() {}
