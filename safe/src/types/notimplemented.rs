//! [`PyNotImplemented`], the type of `NotImplemented`.

use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::Borrowed;
use crate::marker::Python;

native_type!(
    /// The type of `NotImplemented`.
    PyNotImplemented,
    "NotImplementedType",
    Some("builtins"),
    type_object = |_py| ffi::Py_TYPE(api::not_implemented(_py).as_ptr())
);

impl PyNotImplemented {
    /// `NotImplemented`.
    #[inline]
    pub fn get(py: Python<'_>) -> Borrowed<'static, '_, PyNotImplemented> {
        api::cast_borrowed(api::not_implemented(py))
    }
}
