//! [`PyEllipsis`], the type of `...`.

use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::Borrowed;
use crate::marker::Python;

native_type!(
    /// The type of `Ellipsis`.
    PyEllipsis,
    "ellipsis",
    Some("builtins"),
    type_object = |_py| ffi::Py_TYPE(api::ellipsis(_py).as_ptr())
);

impl PyEllipsis {
    /// `Ellipsis`.
    #[inline]
    pub fn get(py: Python<'_>) -> Borrowed<'static, '_, PyEllipsis> {
        api::cast_borrowed(api::ellipsis(py))
    }
}
