//! [`PyFrame`], Python's frame objects (`types.FrameType`): created for synthetic tracebacks
//! with [`PyFrame::new`], inspected with [`PyFrameMethods`].

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::PyCode;
#[cfg(Py_3_11)]
use crate::types::{PyAny, PyDict};
use std::ffi::CStr;

native_type!(
    /// A Python frame object (`types.FrameType`).
    PyFrame,
    "FrameType",
    Some("types"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyFrame_Type)
);

impl PyFrame {
    /// A new frame of an empty function `func_name` defined in `file_name` at `line_number`,
    /// with empty globals and locals.
    pub fn new<'py>(
        py: Python<'py>,
        file_name: &CStr,
        func_name: &CStr,
        line_number: i32,
    ) -> PyResult<Bound<'py, PyFrame>> {
        api::frame_new(py, file_name, func_name, line_number)
    }
}

/// Methods of frame objects.
pub trait PyFrameMethods<'py> {
    /// The line number of the frame's current instruction.
    fn line_number(&self) -> i32;
    /// The calling frame, if there is one.
    fn outer(&self) -> Option<Bound<'py, PyFrame>>;
    /// The frame's code object.
    fn code(&self) -> Bound<'py, PyCode>;
    /// The value of the variable `name` in the frame; `NameError` when it has none.
    #[cfg(Py_3_12)]
    fn var(&self, name: &CStr) -> PyResult<Bound<'py, PyAny>>;
    /// The frame's `f_builtins`.
    #[cfg(Py_3_11)]
    fn builtins(&self) -> Bound<'py, PyDict>;
    /// The frame's `f_globals`.
    #[cfg(Py_3_11)]
    fn globals(&self) -> Bound<'py, PyDict>;
    /// The frame's `f_locals` (a dict, or a write-through proxy for functions from 3.13).
    #[cfg(Py_3_11)]
    fn locals(&self) -> Bound<'py, PyAny>;
}

impl<'py> PyFrameMethods<'py> for Bound<'py, PyFrame> {
    fn line_number(&self) -> i32 {
        api::frame_line_number(self)
    }
    fn outer(&self) -> Option<Bound<'py, PyFrame>> {
        api::frame_back(self)
    }
    fn code(&self) -> Bound<'py, PyCode> {
        api::frame_code(self)
    }
    #[cfg(Py_3_12)]
    fn var(&self, name: &CStr) -> PyResult<Bound<'py, PyAny>> {
        api::frame_var(self, name)
    }
    #[cfg(Py_3_11)]
    fn builtins(&self) -> Bound<'py, PyDict> {
        api::cast_bound(api::frame_namespace(self, api::FrameNamespace::Builtins))
    }
    #[cfg(Py_3_11)]
    fn globals(&self) -> Bound<'py, PyDict> {
        api::cast_bound(api::frame_namespace(self, api::FrameNamespace::Globals))
    }
    #[cfg(Py_3_11)]
    fn locals(&self) -> Bound<'py, PyAny> {
        api::frame_namespace(self, api::FrameNamespace::Locals)
    }
}
