//! `#[derive(FromPyObject)]`, `#[derive(IntoPyObject)]` and `#[derive(IntoPyObjectRef)]` in an
//! extension module: renamed keys, generic and borrowing items, `into_py_with` on a `Cow`, and
//! the combined error of an enum (exercised by `tests/python/test_derives.py`).

use pyo3::prelude::*;
use std::borrow::Cow;

/// A record read from and written to a dict with `UPPERCASE` keys.
#[derive(FromPyObject, IntoPyObject, IntoPyObjectRef)]
#[pyo3(rename_all = "UPPERCASE", from_item_all)]
pub struct Upper<T> {
    first_field: T,
    #[pyo3(default)]
    second_field: Option<i64>,
    #[pyo3(into_py_with = negate)]
    third_field: i64,
}

fn negate<'py>(v: Cow<'_, i64>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    (-*v).into_bound_py_any(py)
}

/// An int or a string, tried in that order.
#[derive(FromPyObject, IntoPyObject)]
pub enum Either {
    /// An `int`.
    Int(i64),
    /// A `str`.
    Str(String),
}

/// An `Either`, or a pair of them.
#[derive(FromPyObject, IntoPyObject)]
pub enum Nested {
    /// One value.
    One(Either),
    /// A pair.
    Pair(Either, Either),
}

/// An object kept as it is, found under the key `obj`.
#[derive(FromPyObject)]
pub struct Borrowing<'py> {
    #[pyo3(item)]
    obj: Bound<'py, PyAny>,
}

/// Writes back an `Upper<String>` (by reference) and an `Upper<i64>` (by value).
#[pyfunction]
pub fn rt_upper<'py>(
    py: Python<'py>,
    x: Upper<String>,
    y: Upper<i64>,
) -> PyResult<(Bound<'py, PyAny>, Upper<i64>)> {
    Ok(((&x).into_pyobject(py)?.into_any(), y))
}

/// Extracts an `Either` (raising the enum's error) and writes it back.
#[pyfunction]
pub fn rt_either(x: &Bound<'_, PyAny>) -> PyResult<Either> {
    x.extract()
}

/// Extracts a `Nested` (raising the enum's error) and writes it back.
#[pyfunction]
pub fn rt_nested(x: &Bound<'_, PyAny>) -> PyResult<Nested> {
    x.extract()
}

/// The object under `obj`, extracted through a struct with a lifetime.
#[pyfunction]
pub fn borrowed_obj<'py>(x: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    Ok(x.extract::<Borrowing<'py>>()?.obj)
}

/// `Type: message` of extracting an `i64` (`kind = "i64"`) or a `String` from `x`.
#[pyfunction]
pub fn error_text(x: &Bound<'_, PyAny>, kind: String) -> String {
    let err = match kind.as_str() {
        "i64" => x.extract::<i64>().err(),
        _ => x.extract::<String>().err(),
    };
    err.map(|e| format!("{}: {}", e.get_type(x.py()).qualname().unwrap(), e.value(x.py())))
        .unwrap_or_default()
}

/// Derived conversions.
#[pymodule]
pub mod derives {
    #[pymodule_export]
    use super::{borrowed_obj, error_text, rt_either, rt_nested, rt_upper};
}
