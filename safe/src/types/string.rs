//! [`PyString`], Python's `str`.

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyAny, PyBytes};
use std::borrow::Cow;
use std::ffi::CStr;

native_type!(
    /// Python's `str`.
    PyString,
    "str",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyUnicode_Type),
    check = ffi::PyUnicode_Check
);

impl PyString {
    /// `str(s)`.
    pub fn new<'py>(py: Python<'py>, s: &str) -> Bound<'py, PyString> {
        api::string_new(py, s).cast_into().unwrap_or_else(|_| unreachable!())
    }

    /// An interned `str` (one object per distinct text, faster as a dict key).
    pub fn intern<'py>(py: Python<'py>, s: &str) -> Bound<'py, PyString> {
        api::string_intern(py, s).cast_into().unwrap_or_else(|_| unreachable!())
    }

    /// `str(src, encoding, errors)`: decodes a bytes-like object (`None` means UTF-8 and
    /// `"strict"`); a `TypeError` for `str` and other non-buffer objects.
    pub fn from_encoded_object<'py>(
        src: &Bound<'py, PyAny>,
        encoding: Option<&CStr>,
        errors: Option<&CStr>,
    ) -> PyResult<Bound<'py, PyString>> {
        api::unicode_from_encoded_object(src, encoding, errors)
    }
}

/// Methods of `str`.
pub trait PyStringMethods<'py> {
    /// The text, borrowed from the object (which caches its UTF-8 form); an error for lone
    /// surrogates. Not available under the limited API before 3.10.
    #[cfg(any(not(Py_LIMITED_API), Py_3_10))]
    fn to_str(&self) -> PyResult<&str>;
    /// The text, borrowed where possible; an error for lone surrogates.
    fn to_cow(&self) -> PyResult<Cow<'_, str>>;
    /// The text, with lone surrogates replaced by U+FFFD.
    fn to_string_lossy(&self) -> Cow<'_, str>;
    /// `self.encode("utf-8")`; an error for lone surrogates.
    fn encode_utf8(&self) -> PyResult<Bound<'py, PyBytes>>;
}

impl<'py> PyStringMethods<'py> for Bound<'py, PyString> {
    #[cfg(any(not(Py_LIMITED_API), Py_3_10))]
    fn to_str(&self) -> PyResult<&str> {
        api::string_to_str(self.as_borrowed())
    }

    fn to_cow(&self) -> PyResult<Cow<'_, str>> {
        api::string_to_cow(self.as_borrowed())
    }

    fn to_string_lossy(&self) -> Cow<'_, str> {
        match self.to_cow() {
            Ok(s) => s,
            Err(_) => Cow::Owned(api::string_lossy(self.as_borrowed())),
        }
    }

    fn encode_utf8(&self) -> PyResult<Bound<'py, PyBytes>> {
        api::string_encode_utf8(self)
    }
}

impl<'a> Borrowed<'a, '_, PyString> {
    /// The text, borrowed for `'a`.
    #[cfg(any(not(Py_LIMITED_API), Py_3_10))]
    pub fn to_str(self) -> PyResult<&'a str> {
        api::string_to_str(self)
    }

    /// The text, borrowed for `'a` where possible.
    pub fn to_cow(self) -> PyResult<Cow<'a, str>> {
        api::string_to_cow(self)
    }
}
