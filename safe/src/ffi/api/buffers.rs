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
