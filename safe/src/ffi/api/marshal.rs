//! Safe wrappers of `marshal`'s C API (`PyMarshal_WriteObjectToString`,
//! `PyMarshal_ReadObjectFromString`), which `Python.h` does not declare (it is in `marshal.h`),
//! hence the declarations here. Not part of the limited API.
#![cfg(not(Py_LIMITED_API))]

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::PyAny;
use std::ffi::{c_char, c_int};

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyMarshal_WriteObjectToString")]
    fn PyMarshal_WriteObjectToString(
        object: *mut ffi::PyObject,
        version: c_int,
    ) -> *mut ffi::PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyMarshal_ReadObjectFromString")]
    fn PyMarshal_ReadObjectFromString(
        data: *const c_char,
        len: ffi::Py_ssize_t,
    ) -> *mut ffi::PyObject;
}

/// `marshal.dumps(object, version)`: a `bytes` object.
pub(crate) fn marshal_dumps<'py>(
    object: &Bound<'py, PyAny>,
    version: i32,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached (`object`), which is live; the result is a new reference to a `bytes`
    // object or NULL with an exception set.
    unsafe {
        PyMarshal_WriteObjectToString(object.as_ptr(), version).assume_owned_or_err(object.py())
    }
}

/// `marshal.loads(data)`.
pub(crate) fn marshal_loads<'py>(py: Python<'py>, data: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached (`py`); `data` is valid for `data.len()` bytes, only read; the result is
    // a new reference or NULL with an exception set.
    unsafe {
        PyMarshal_ReadObjectFromString(data.as_ptr().cast(), data.len() as ffi::Py_ssize_t)
            .assume_owned_or_err(py)
    }
}
