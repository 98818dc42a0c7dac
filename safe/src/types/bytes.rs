//! [`PyBytes`], Python's immutable `bytes`.

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;

native_type!(
    /// Python's `bytes`.
    PyBytes,
    "bytes",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyBytes_Type),
    check = ffi::PyBytes_Check
);

impl PyBytes {
    /// `bytes(data)`.
    pub fn new<'py>(py: Python<'py>, data: &[u8]) -> Bound<'py, PyBytes> {
        api::bytes_new(py, data).cast_into().unwrap_or_else(|_| unreachable!())
    }

    /// A new `bytes` of `len` bytes, zeroed and then filled by `init` before Python can see
    /// it; `init`'s error is returned (and the object dropped).
    pub fn new_with<F>(py: Python<'_>, len: usize, init: F) -> PyResult<Bound<'_, PyBytes>>
    where
        F: FnOnce(&mut [u8]) -> PyResult<()>,
    {
        api::bytes_new_with(py, len, init)
    }
}

/// Methods of `bytes`.
pub trait PyBytesMethods<'py> {
    /// The contents, borrowed from the (immutable) object.
    fn as_bytes(&self) -> &[u8];
}

impl<'py> PyBytesMethods<'py> for Bound<'py, PyBytes> {
    fn as_bytes(&self) -> &[u8] {
        api::bytes_data(self)
    }
}
