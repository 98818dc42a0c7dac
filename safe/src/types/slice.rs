//! [`PySlice`], Python's `slice`, and [`PySliceIndices`].

use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::{Bound, BoundObject};
use crate::marker::Python;

native_type!(
    /// Python's `slice`.
    PySlice,
    "slice",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PySlice_Type)
);

/// The result of [`PySliceMethods::indices`]: the bounds adjusted to a sequence length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PySliceIndices {
    /// The first index.
    pub start: isize,
    /// The end (exclusive, in the direction of `step`).
    pub stop: isize,
    /// The step (never 0).
    pub step: isize,
    /// How many indices the slice selects.
    pub slicelength: usize,
}

impl PySliceIndices {
    /// Indices with a `slicelength` of 0.
    pub fn new(start: isize, stop: isize, step: isize) -> PySliceIndices {
        PySliceIndices { start, stop, step, slicelength: 0 }
    }
}

impl PySlice {
    /// `slice(start, stop, step)`.
    pub fn new(py: Python<'_>, start: isize, stop: isize, step: isize) -> Bound<'_, PySlice> {
        let int = |v: isize| match v.into_pyobject(py) {
            Ok(o) => o.into_any().into_bound(),
            Err(e) => match e {},
        };
        api::slice_new(&int(start), &int(stop), &int(step))
    }

    /// `slice(None)`, i.e. `[:]`.
    pub fn full(py: Python<'_>) -> Bound<'_, PySlice> {
        let none = api::none(py);
        api::slice_new(&none, &none, &none)
    }
}

/// Methods of `slice`.
pub trait PySliceMethods<'py> {
    /// `self.indices(length)`, with the number of selected indices: `TypeError` for bounds that
    /// are not integers, `ValueError` for a zero step.
    fn indices(&self, length: isize) -> PyResult<PySliceIndices>;
}

impl<'py> PySliceMethods<'py> for Bound<'py, PySlice> {
    fn indices(&self, length: isize) -> PyResult<PySliceIndices> {
        let (start, stop, step, slicelength) = api::slice_indices(self, length)?;
        Ok(PySliceIndices { start, stop, step, slicelength })
    }
}
