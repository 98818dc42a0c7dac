//! [`PyRange`], Python's `range`.

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;
use crate::type_object::PyTypeInfo;
use crate::types::PyAnyMethods;

native_type!(
    /// Python's `range`.
    PyRange,
    "range",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyRange_Type)
);

impl PyRange {
    /// `range(start, stop)`.
    pub fn new(py: Python<'_>, start: isize, stop: isize) -> PyResult<Bound<'_, PyRange>> {
        Self::new_with_step(py, start, stop, 1)
    }

    /// `range(start, stop, step)`; a `ValueError` if `step` is 0.
    pub fn new_with_step(
        py: Python<'_>,
        start: isize,
        stop: isize,
        step: isize,
    ) -> PyResult<Bound<'_, PyRange>> {
        Ok(PyRange::type_object(py).call1((start, stop, step))?.cast_into()?)
    }
}

/// Methods of `range`.
pub trait PyRangeMethods<'py> {
    /// `self.start`.
    fn start(&self) -> PyResult<isize>;
    /// `self.stop`.
    fn stop(&self) -> PyResult<isize>;
    /// `self.step`.
    fn step(&self) -> PyResult<isize>;
}

impl<'py> PyRangeMethods<'py> for Bound<'py, PyRange> {
    fn start(&self) -> PyResult<isize> {
        self.getattr("start")?.extract()
    }
    fn stop(&self) -> PyResult<isize> {
        self.getattr("stop")?.extract()
    }
    fn step(&self) -> PyResult<isize> {
        self.getattr("step")?.extract()
    }
}
