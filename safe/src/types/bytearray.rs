//! [`PyByteArray`], Python's mutable `bytearray`.

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::PyAny;

native_type!(
    /// Python's `bytearray`.
    PyByteArray,
    "bytearray",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyByteArray_Type)
);

impl PyByteArray {
    /// A bytearray holding a copy of `src`.
    pub fn new<'py>(py: Python<'py>, src: &[u8]) -> Bound<'py, PyByteArray> {
        api::bytearray_new(py, src)
    }

    /// A bytearray of `len` bytes, zeroed and then filled by `init` before anything else can see
    /// it; an error from `init` is returned (and the array dropped).
    pub fn new_with<F>(py: Python<'_>, len: usize, init: F) -> PyResult<Bound<'_, PyByteArray>>
    where
        F: FnOnce(&mut [u8]) -> PyResult<()>,
    {
        api::bytearray_new_with(py, len, init)
    }

    /// `bytearray(src)` for any object with the buffer protocol (`TypeError` otherwise).
    pub fn from<'py>(src: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyByteArray>> {
        api::bytearray_from(src)
    }
}

/// Methods of `bytearray`. The contents are only reachable by copy ([`to_vec`]): a borrowed
/// slice could be invalidated by Python code resizing the array.
///
/// [`to_vec`]: PyByteArrayMethods::to_vec
pub trait PyByteArrayMethods<'py> {
    /// `len(self)`.
    fn len(&self) -> usize;
    /// `len(self) == 0`.
    fn is_empty(&self) -> bool;
    /// The start of the buffer: valid only until the array is resized, and writable by other
    /// code (reading through it needs `unsafe` and care).
    fn data(&self) -> *mut u8;
    /// A copy of the contents.
    fn to_vec(&self) -> Vec<u8>;
    /// Resizes the array to `len` bytes (`BufferError` while a buffer is exported).
    fn resize(&self, len: usize) -> PyResult<()>;
}

impl<'py> PyByteArrayMethods<'py> for Bound<'py, PyByteArray> {
    fn len(&self) -> usize {
        api::bytearray_len(self)
    }
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn data(&self) -> *mut u8 {
        api::bytearray_data(self)
    }
    fn to_vec(&self) -> Vec<u8> {
        api::bytearray_to_vec(self)
    }
    fn resize(&self, len: usize) -> PyResult<()> {
        api::bytearray_resize(self, len)
    }
}
