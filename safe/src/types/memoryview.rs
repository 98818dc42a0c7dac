//! [`PyMemoryView`], Python's `memoryview`.

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::types::PyAny;

native_type!(
    /// Python's `memoryview`.
    PyMemoryView,
    "memoryview",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyMemoryView_Type)
);

impl PyMemoryView {
    /// `memoryview(src)`; a `TypeError` if `src` does not support the buffer protocol.
    pub fn from<'py>(src: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyMemoryView>> {
        api::memoryview_from(src)
    }
}

impl<'py> TryFrom<&Bound<'py, PyAny>> for Bound<'py, PyMemoryView> {
    type Error = crate::PyErr;
    /// `memoryview(value)`.
    fn try_from(value: &Bound<'py, PyAny>) -> PyResult<Self> {
        PyMemoryView::from(value)
    }
}
