//! Safe wrappers for text crossing into C and the OS: NUL-terminated UTF-8 views of `str`, the
//! filesystem encoding (`os.fsencode`/`os.fsdecode`, surrogateescape on Unix) and `os.fspath`.

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::{PyAny, PyString};

/// The UTF-8 text of a `str` with its terminating NUL, borrowed from the object (which caches
/// it); `ValueError` if the text contains a NUL, an error for lone surrogates.
#[cfg(any(not(Py_LIMITED_API), Py_3_10))]
pub(crate) fn string_to_cstr<'a>(
    s: crate::instance::Borrowed<'a, '_, PyString>,
) -> PyResult<&'a std::ffi::CStr> {
    let mut len: ffi::Py_ssize_t = 0;
    // SAFETY: attached; `s` is a live `str`; the returned buffer is cached by the object and
    // lives as long as it (at least `'a`); NULL with an exception set on lone surrogates.
    let data = unsafe { ffi::PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut len) };
    if data.is_null() {
        return Err(crate::err::PyErr::fetch(s.py()));
    }
    // SAFETY: the buffer holds `len` bytes followed by a NUL terminator (documented for
    // `PyUnicode_AsUTF8AndSize`), all owned by the object for `'a`.
    let bytes = unsafe { std::slice::from_raw_parts(data.cast::<u8>(), len as usize + 1) };
    std::ffi::CStr::from_bytes_with_nul(bytes)
        .map_err(|e| crate::exceptions::PyValueError::new_err(e.to_string()))
}

/// `os.fsencode(s)`: the `bytes` of a `str` in the filesystem encoding (surrogateescape turns
/// lone surrogates back into the bytes they stand for).
#[cfg(not(GraalPy))]
pub(crate) fn fs_encode<'py>(s: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `s` is a live `str`; new `bytes` reference or NULL with an exception.
    unsafe { ffi::PyUnicode_EncodeFSDefault(s.as_ptr()).assume_owned_or_err(s.py()) }
}

/// `os.fsencode(s)`, called as such: GraalPy's `PyUnicode_EncodeFSDefault` (25.2) ignores the
/// surrogateescape error handler and writes U+FFFD for the lone surrogates that stand for
/// undecodable bytes, so non-UTF-8 paths would not round-trip.
#[cfg(GraalPy)]
pub(crate) fn fs_encode<'py>(s: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
    use crate::types::{PyAnyMethods, PyModule};
    PyModule::import(s.py(), "os")?.call_method1("fsencode", (s,))
}

/// `os.fsdecode(data)`: a `str` from bytes in the filesystem encoding (undecodable bytes become
/// lone surrogates, so the conversion is lossless and fails only on memory exhaustion, which
/// panics).
pub(crate) fn fs_decode<'py>(py: Python<'py>, data: &[u8]) -> Bound<'py, PyString> {
    // SAFETY: attached; pointer and length describe `data`; a new `str` reference (NULL only on
    // memory exhaustion, which panics).
    unsafe {
        ffi::PyUnicode_DecodeFSDefaultAndSize(data.as_ptr().cast(), data.len() as ffi::Py_ssize_t)
            .assume_owned(py)
            .cast_into_unchecked()
    }
}

/// `os.fspath(obj)`: `str` and `bytes` unchanged, `os.PathLike` through `__fspath__`, a
/// `TypeError` otherwise.
pub(crate) fn fspath<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `obj` live; new reference or NULL with an exception set.
    unsafe { ffi::PyOS_FSPath(obj.as_ptr()).assume_owned_or_err(obj.py()) }
}
