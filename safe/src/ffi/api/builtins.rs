//! Safe wrappers for `bytearray`, `complex` and `slice`.

use super::int_result;
use crate::err::{PyErr, PyResult};
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::{PyAny, PyByteArray, PyComplex, PySlice};

/// A new bytearray holding a copy of `bytes`.
pub(crate) fn bytearray_new<'py>(py: Python<'py>, bytes: &[u8]) -> Bound<'py, PyByteArray> {
    // SAFETY: attached; `bytes` is valid for its length (copied); new reference (NULL only on
    // memory exhaustion, which panics).
    unsafe {
        ffi::PyByteArray_FromStringAndSize(bytes.as_ptr().cast(), bytes.len() as ffi::Py_ssize_t)
            .assume_owned(py)
            .cast_into_unchecked()
    }
}

/// A new zero-filled bytearray of `len` bytes, then handed to `init` while no other code can
/// see it.
pub(crate) fn bytearray_new_with<'py>(
    py: Python<'py>,
    len: usize,
    init: impl FnOnce(&mut [u8]) -> PyResult<()>,
) -> PyResult<Bound<'py, PyByteArray>> {
    let array = bytearray_new(py, &[]);
    bytearray_resize(&array, len)?;
    let data = bytearray_data(&array);
    // SAFETY: `data` points to `len` writable bytes of the new array, which nothing else
    // references yet (so nothing can resize or read it while `init` runs); zero them before
    // making the slice so it is initialised.
    let slice = unsafe {
        std::ptr::write_bytes(data, 0, len);
        std::slice::from_raw_parts_mut(data, len)
    };
    init(slice)?;
    Ok(array)
}

/// `bytearray(obj)` via the buffer protocol (`TypeError` for objects without one).
pub(crate) fn bytearray_from<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyByteArray>> {
    // SAFETY: attached; `obj` live; new reference or NULL with an exception set.
    unsafe {
        ffi::PyByteArray_FromObject(obj.as_ptr())
            .assume_owned_or_err(obj.py())
            .map(|a| a.cast_into_unchecked())
    }
}

/// `len(bytearray)`.
pub(crate) fn bytearray_len(a: &Bound<'_, PyByteArray>) -> usize {
    // SAFETY: attached; `a` is a live bytearray.
    unsafe { ffi::PyByteArray_Size(a.as_ptr()) as usize }
}

/// The start of the bytearray's buffer (valid until it is resized).
pub(crate) fn bytearray_data(a: &Bound<'_, PyByteArray>) -> *mut u8 {
    // SAFETY: attached; `a` is a live bytearray; only the pointer is read.
    unsafe { ffi::PyByteArray_AsString(a.as_ptr()).cast() }
}

/// A copy of the bytearray's contents. On free-threaded builds the copy runs in a critical
/// section on the array, so a concurrent resize cannot free the buffer under it.
pub(crate) fn bytearray_to_vec(a: &Bound<'_, PyByteArray>) -> Vec<u8> {
    #[cfg(Py_GIL_DISABLED)]
    // SAFETY: zeroed is the state `PyCriticalSection_Begin` expects to initialise.
    let mut cs: ffi::PyCriticalSection = unsafe { std::mem::zeroed() };
    #[cfg(Py_GIL_DISABLED)]
    // SAFETY: attached; `a` is live; ended below.
    unsafe {
        ffi::PyCriticalSection_Begin(&mut cs, a.as_ptr())
    };
    let len = bytearray_len(a);
    let data = bytearray_data(a);
    let copy = if len == 0 {
        Vec::new()
    } else {
        // SAFETY: attached (and on free-threaded builds inside the critical section): no other
        // code runs that could resize the array between reading its pointer and length and
        // copying, so `data` points to `len` initialised bytes.
        unsafe { std::slice::from_raw_parts(data, len) }.to_vec()
    };
    #[cfg(Py_GIL_DISABLED)]
    // SAFETY: ends the critical section begun above.
    unsafe {
        ffi::PyCriticalSection_End(&mut cs)
    };
    copy
}

/// `bytearray` resized to `len` bytes (new bytes are uninitialised on the C side).
pub(crate) fn bytearray_resize(a: &Bound<'_, PyByteArray>, len: usize) -> PyResult<()> {
    // SAFETY: attached; `a` is a live bytearray; -1 with an exception set (e.g. `BufferError`
    // when the buffer is exported).
    int_result(a.py(), unsafe { ffi::PyByteArray_Resize(a.as_ptr(), len as ffi::Py_ssize_t) })
        .map(drop)
}

/// `complex(real, imag)`.
pub(crate) fn complex_new(py: Python<'_>, real: f64, imag: f64) -> Bound<'_, PyComplex> {
    // SAFETY: attached; new reference (NULL only on memory exhaustion, which panics).
    unsafe { ffi::PyComplex_FromDoubles(real, imag).assume_owned(py).cast_into_unchecked() }
}

/// `c.real` of a complex (cannot fail for a `complex`).
pub(crate) fn complex_real(c: &Bound<'_, PyComplex>) -> f64 {
    // SAFETY: attached; `c` is a live complex.
    unsafe { ffi::PyComplex_RealAsDouble(c.as_ptr()) }
}

/// `c.imag` of a complex (cannot fail for a `complex`).
pub(crate) fn complex_imag(c: &Bound<'_, PyComplex>) -> f64 {
    // SAFETY: attached; `c` is a live complex.
    unsafe { ffi::PyComplex_ImagAsDouble(c.as_ptr()) }
}

/// `slice(start, stop, step)` from three objects.
pub(crate) fn slice_new<'py>(
    start: &Bound<'py, PyAny>,
    stop: &Bound<'py, PyAny>,
    step: &Bound<'py, PyAny>,
) -> Bound<'py, PySlice> {
    // SAFETY: attached; all live (borrowed by the call); new reference (NULL only on memory
    // exhaustion, which panics).
    unsafe {
        ffi::PySlice_New(start.as_ptr(), stop.as_ptr(), step.as_ptr())
            .assume_owned(start.py())
            .cast_into_unchecked()
    }
}

/// `slice.indices(length)` as `(start, stop, step, slicelength)`.
pub(crate) fn slice_indices(
    s: &Bound<'_, PySlice>,
    length: isize,
) -> PyResult<(isize, isize, isize, usize)> {
    let (mut start, mut stop, mut step) = (0, 0, 0);
    // SAFETY: attached; `s` is a live slice; the out-pointers are valid; -1 with an exception
    // set (a non-integer bound, or a zero step).
    let unpacked = unsafe { ffi::PySlice_Unpack(s.as_ptr(), &mut start, &mut stop, &mut step) };
    if unpacked < 0 {
        return Err(PyErr::fetch(s.py()));
    }
    // SAFETY: pure arithmetic on the out-pointers, which are valid.
    let len = unsafe { ffi::PySlice_AdjustIndices(length as _, &mut start, &mut stop, step) };
    Ok((start, stop, step, len as usize))
}
