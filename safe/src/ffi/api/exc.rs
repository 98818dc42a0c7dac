//! Safe wrappers for creating exception types (`PyErr_NewExceptionWithDoc`).

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::PyType;
use std::ffi::CStr;

/// A new exception class `qualified_name` (`"module.Name"`) deriving from `base`, with `doc` as
/// its docstring.
pub(crate) fn new_exception_type<'py>(
    base: &Bound<'py, PyType>,
    qualified_name: &CStr,
    doc: Option<&CStr>,
) -> PyResult<Bound<'py, PyType>> {
    let doc = doc.map_or(std::ptr::null(), CStr::as_ptr);
    // SAFETY: attached (`base`); the name and doc are NUL-terminated (or NULL for no doc);
    // `base` is a live type object; the result is a new reference to the class or NULL with an
    // exception set.
    let ty = unsafe {
        ffi::PyErr_NewExceptionWithDoc(
            qualified_name.as_ptr(),
            doc,
            base.as_ptr(),
            std::ptr::null_mut(),
        )
        .assume_owned_or_err(base.py())?
    };
    ty.cast_into().map_err(Into::into)
}
