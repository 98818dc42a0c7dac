//! [`PyTraceback`], the type of `__traceback__` objects, and [`PyTracebackMethods`].

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::types::{PyAnyMethods, PyModule, PyStringMethods};

native_type!(
    /// A traceback object.
    PyTraceback,
    "traceback",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyTraceBack_Type)
);

/// Methods of traceback objects.
pub trait PyTracebackMethods<'py> {
    /// The traceback as Python prints it: `"Traceback (most recent call last):\n"` followed by
    /// one `File "…", line …, in …` entry (and source line, if available) per frame.
    fn format(&self) -> PyResult<String>;
}

impl<'py> PyTracebackMethods<'py> for Bound<'py, PyTraceback> {
    fn format(&self) -> PyResult<String> {
        let string_io = PyModule::import(self.py(), "io")?.getattr("StringIO")?.call0()?;
        api::traceback_print(self, &string_io)?;
        let text = string_io.call_method0("getvalue")?.str()?;
        Ok(text.to_cow()?.into_owned())
    }
}
