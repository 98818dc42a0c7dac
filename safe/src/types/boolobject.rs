//! [`PyBool`], `True` and `False`.

use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;

native_type!(
    /// Python's `bool`.
    PyBool,
    "bool",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyBool_Type)
);

impl PyBool {
    /// `True` or `False`.
    #[inline]
    pub fn new(py: Python<'_>, value: bool) -> Borrowed<'static, '_, PyBool> {
        api::cast_borrowed(api::bool_object(py, value))
    }
}

/// Methods of `bool`.
pub trait PyBoolMethods<'py> {
    /// The value.
    fn is_true(&self) -> bool;
}

impl<'py> PyBoolMethods<'py> for Bound<'py, PyBool> {
    #[inline]
    fn is_true(&self) -> bool {
        self.as_ptr() == api::bool_object(self.py(), true).as_ptr()
    }
}
