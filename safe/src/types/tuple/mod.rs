//! [`PyTuple`], Python's immutable `tuple`, and [`PyTupleMethods`].

mod iter;

pub use iter::{BorrowedTupleIterator, BoundTupleIterator};

use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyAny, PyList, PySequence, PySequenceMethods};

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
    /// `self` as a sequence.
    fn as_sequence(&self) -> &Bound<'py, PySequence>;
    /// `self` as a sequence, by value.
    fn into_sequence(self) -> Bound<'py, PySequence>;
    /// `self[low:high]` (bounds past the end are clamped).
    fn get_slice(&self, low: usize, high: usize) -> Bound<'py, PyTuple>;
    /// `self[index]`; `IndexError` when out of range.
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>>;
    /// `self[index]` borrowed from the tuple (no reference count change); `IndexError` when
    /// out of range.
    fn get_borrowed_item<'a>(&'a self, index: usize) -> PyResult<Borrowed<'a, 'py, PyAny>>;
    /// The items as a slice (full API only: reads the tuple's item array).
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    fn as_slice(&self) -> &[Bound<'py, PyAny>];
    /// `value in self`.
    fn contains<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<bool>;
    /// `self.index(value)`; `ValueError` when absent.
    fn index<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<usize>;
    /// An iterator over the elements (a tuple is immutable, so this is exact).
    fn iter(&self) -> BoundTupleIterator<'py>;
    /// An iterator over the elements borrowed from the tuple.
    fn iter_borrowed<'a>(&'a self) -> BorrowedTupleIterator<'a, 'py>;
    /// `list(self)`.
    fn to_list(&self) -> Bound<'py, PyList>;
}

impl<'py> PyTupleMethods<'py> for Bound<'py, PyTuple> {
    fn len(&self) -> usize {
        api::tuple_len(self)
    }
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn as_sequence(&self) -> &Bound<'py, PySequence> {
        self.as_any().cast::<PySequence>().expect("a tuple is a sequence")
    }
    fn into_sequence(self) -> Bound<'py, PySequence> {
        self.into_any().cast_into::<PySequence>().expect("a tuple is a sequence")
    }
    fn get_slice(&self, low: usize, high: usize) -> Bound<'py, PyTuple> {
        api::tuple_get_slice(self, low, high)
    }
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>> {
        api::tuple_get_item(self, index)
    }
    fn get_borrowed_item<'a>(&'a self, index: usize) -> PyResult<Borrowed<'a, 'py, PyAny>> {
        if index < self.len() {
            Ok(api::tuple_get_borrowed(self.as_borrowed(), index))
        } else {
            Err(crate::exceptions::PyIndexError::new_err("tuple index out of range"))
        }
    }
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    fn as_slice(&self) -> &[Bound<'py, PyAny>] {
        api::tuple_as_slice(self)
    }
    fn contains<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<bool> {
        self.as_sequence().contains(value)
    }
    fn index<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<usize> {
        self.as_sequence().index(value)
    }
    fn iter(&self) -> BoundTupleIterator<'py> {
        BoundTupleIterator::new(self.clone())
    }
    fn iter_borrowed<'a>(&'a self) -> BorrowedTupleIterator<'a, 'py> {
        BorrowedTupleIterator::new(self.as_borrowed())
    }
    fn to_list(&self) -> Bound<'py, PyList> {
        self.as_sequence().to_list().expect("list(tuple) cannot fail")
    }
}
