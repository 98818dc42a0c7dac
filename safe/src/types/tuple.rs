//! [`PyTuple`], Python's immutable `tuple`.

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::PyAny;

native_type!(
    /// Python's `tuple`.
    PyTuple,
    "tuple",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyTuple_Type),
    check = ffi::PyTuple_Check
);

impl PyTuple {
    /// A tuple of the given elements.
    pub fn new<'py, T, I>(py: Python<'py>, elements: I) -> PyResult<Bound<'py, PyTuple>>
    where
        T: crate::IntoPyObject<'py>,
        I: IntoIterator<Item = T>,
        I::IntoIter: ExactSizeIterator,
    {
        let iter = elements.into_iter();
        let len = iter.len();
        let items: Vec<Bound<'py, PyAny>> = iter
            .map(|e| {
                e.into_pyobject(py)
                    .map(|o| crate::instance::BoundObject::into_bound(o).into_any())
                    .map_err(Into::into)
            })
            .collect::<PyResult<_>>()?;
        Ok(api::tuple_new(py, len, items.into_iter()))
    }

    /// `()`.
    pub fn empty(py: Python<'_>) -> Bound<'_, PyTuple> {
        api::tuple_new(py, 0, std::iter::empty())
    }
}

/// Methods of `tuple`.
pub trait PyTupleMethods<'py> {
    /// `len(self)`.
    fn len(&self) -> usize;
    /// `len(self) == 0`.
    fn is_empty(&self) -> bool;
    /// `self[index]`; `IndexError` when out of range.
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>>;
    /// The elements.
    fn iter(&self) -> std::vec::IntoIter<Bound<'py, PyAny>>;
}

impl<'py> PyTupleMethods<'py> for Bound<'py, PyTuple> {
    fn len(&self) -> usize {
        api::tuple_len(self)
    }
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>> {
        api::tuple_get_item(self, index)
    }
    fn iter(&self) -> std::vec::IntoIter<Bound<'py, PyAny>> {
        (0..self.len()).filter_map(|i| self.get_item(i).ok()).collect::<Vec<_>>().into_iter()
    }
}
