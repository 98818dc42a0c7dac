//! Python's `marshal` serialization through its C API: [`dumps`] and [`loads`]. Not available
//! under the limited API (the functions are not part of the stable ABI).
#![cfg(not(Py_LIMITED_API))]

use crate::err::PyResult;
use crate::ffi::api;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::{PyAny, PyBytes};

/// The marshal format version written by [`dumps`] when given this value (`marshal.version`).
pub const VERSION: i32 = 4;

/// `marshal.dumps(object, version)`: the object serialized in marshal format `version`.
///
/// ```
/// use pyroxide::marshal;
/// use pyroxide::prelude::*;
/// use pyroxide::types::PyDict;
///
/// # Python::initialize(); // embedding without `auto-initialize`
/// Python::attach(|py| {
///     let dict = PyDict::new(py);
///     dict.set_item("answer", 42).unwrap();
///     let bytes = marshal::dumps(&dict, marshal::VERSION).unwrap();
///     let back = marshal::loads(py, bytes.as_bytes()).unwrap();
///     assert!(back.eq(&dict).unwrap());
/// });
/// ```
pub fn dumps<'py>(object: &Bound<'py, PyAny>, version: i32) -> PyResult<Bound<'py, PyBytes>> {
    Ok(api::marshal_dumps(object, version)?.cast_into::<PyBytes>()?)
}

/// `marshal.loads(data)`: the object serialized in `data`; an error (`EOFError`, `ValueError`,
/// `TypeError`) for data that is not a complete marshal serialization.
pub fn loads<'py, B>(py: Python<'py>, data: &B) -> PyResult<Bound<'py, PyAny>>
where
    B: AsRef<[u8]> + ?Sized,
{
    api::marshal_loads(py, data.as_ref())
}
