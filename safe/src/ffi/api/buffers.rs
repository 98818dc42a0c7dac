//! Safe wrappers for reading byte buffers and sequences: `bytes` borrowed for the caller's
//! lifetime, `bytearray` copied, and the sequence protocol used by fixed-size array extraction.

use crate::err::{PyErr, PyResult};
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyBytes};

/// The contents of a `bytes` object, borrowed for as long as the object is (`'a`).
pub(crate) fn bytes_data_borrowed<'a>(b: Borrowed<'a, '_, PyBytes>) -> &'a [u8] {
    // SAFETY: attached; `b` is a live `bytes` (its type says so) that stays alive for `'a`;
    // a `bytes` buffer is immutable and lives as long as the object.
    unsafe {
        let data = ffi::PyBytes_AsString(b.as_ptr());
        let len = ffi::PyBytes_Size(b.as_ptr());
        std::slice::from_raw_parts(data.cast(), len as usize)
    }
}

/// Whether `obj` is a `bytearray` (or subclass).
pub(crate) fn is_bytearray(obj: &Bound<'_, PyAny>) -> bool {
    // SAFETY: only the address of the exported static is taken (safe from Rust 1.82).
    #[allow(unused_unsafe)]
    let ty = unsafe { std::ptr::addr_of_mut!(ffi::PyByteArray_Type) };
    // SAFETY: attached; `obj` is live and `ty` is the interpreter's `bytearray` type.
    unsafe {
        ffi::Py_TYPE(obj.as_ptr()) == ty
            || ffi::PyType_IsSubtype(ffi::Py_TYPE(obj.as_ptr()), ty) != 0
    }
}

/// A copy of the contents of a `bytearray` (panics if `obj` is not one: callers check first).
pub(crate) fn bytearray_to_vec(obj: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    assert!(is_bytearray(obj), "object is not a bytearray");
    #[cfg(Py_GIL_DISABLED)]
    {
        // Another thread may resize the bytearray at any time: let `bytes(obj)` copy it under
        // the object's lock, then copy the immutable result.
        // SAFETY: attached; `obj` live; new `bytes` reference or NULL with an exception set.
        let copy = unsafe { ffi::PyBytes_FromObject(obj.as_ptr()).assume_owned_or_err(obj.py()) };
        let copy = copy?.cast_into::<PyBytes>()?;
        Ok(bytes_data_borrowed(copy.as_borrowed()).to_vec())
    }
    #[cfg(not(Py_GIL_DISABLED))]
    // SAFETY: attached; `obj` is a live `bytearray`. With the GIL held no other thread runs, and
    // the buffer is copied before any Python code could resize it.
    Ok(unsafe {
        let data = ffi::PyByteArray_AsString(obj.as_ptr());
        let len = ffi::PyByteArray_Size(obj.as_ptr());
        if data.is_null() || len <= 0 {
            Vec::new()
        } else {
            std::slice::from_raw_parts(data.cast::<u8>(), len as usize).to_vec()
        }
    })
}

/// `PySequence_Check(obj)`.
pub(crate) fn is_sequence(obj: &Bound<'_, PyAny>) -> bool {
    // SAFETY: attached; `obj` live; never fails.
    unsafe { ffi::PySequence_Check(obj.as_ptr()) != 0 }
}

/// `len(seq)` through the sequence protocol.
pub(crate) fn sequence_len(seq: &Bound<'_, PyAny>) -> PyResult<usize> {
    // SAFETY: attached; `seq` live; -1 with an exception set on error.
    let n = unsafe { ffi::PySequence_Size(seq.as_ptr()) };
    if n < 0 {
        Err(PyErr::fetch(seq.py()))
    } else {
        Ok(n as usize)
    }
}

/// `seq[index]` through the sequence protocol.
pub(crate) fn sequence_get_item<'py>(
    seq: &Bound<'py, PyAny>,
    index: usize,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `seq` live; new reference or NULL with an exception set.
    unsafe {
        ffi::PySequence_GetItem(seq.as_ptr(), index as ffi::Py_ssize_t)
            .assume_owned_or_err(seq.py())
    }
}
