//! [`PyFloat`], Python's `float`.

use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;

native_type!(
    /// Python's `float`.
    PyFloat,
    "float",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyFloat_Type)
);

impl PyFloat {
    /// `float(value)`.
    pub fn new(py: Python<'_>, value: f64) -> Bound<'_, PyFloat> {
        api::float_from_f64(py, value).cast_into().unwrap_or_else(|_| unreachable!())
    }
}

/// Methods of `float`.
pub trait PyFloatMethods<'py> {
    /// The value.
    fn value(&self) -> f64;
}

impl<'py> PyFloatMethods<'py> for Bound<'py, PyFloat> {
    fn value(&self) -> f64 {
        api::float_as_f64(self.as_any()).unwrap_or(f64::NAN)
    }
}
