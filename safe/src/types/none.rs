//! [`PyNone`], the type of `None`.

use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::Borrowed;
use crate::marker::Python;

native_type!(
    /// The type of `None`.
    PyNone,
    "NoneType",
    Some("builtins"),
    type_object = |_py| ffi::Py_TYPE(ffi::Py_None())
);

impl PyNone {
    /// `None`.
    #[inline]
    pub fn get(py: Python<'_>) -> Borrowed<'static, '_, PyNone> {
        // The object is `None` itself, so the cast holds.
        let none = api::none(py);
        crate::ffi::api::cast_borrowed(none)
    }
}
