//! [`PyList`], Python's `list`, and [`PyListMethods`].

mod iter;

pub use iter::BoundListIterator;

use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::{Bound, BoundObject};
use crate::marker::Python;
use crate::types::{PyAny, PySequence, PySequenceMethods, PyTuple};

fn to_any<'py, T: IntoPyObject<'py>>(py: Python<'py>, v: T) -> PyResult<Bound<'py, PyAny>> {
    v.into_pyobject(py).map(|o| o.into_any().into_bound()).map_err(Into::into)
}

native_type!(
    /// Python's `list`.
    PyList,
    "list",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyList_Type),
    check = ffi::PyList_Check
);

impl PyList {
    /// A list of the given elements.
    pub fn new<'py, T, I>(py: Python<'py>, elements: I) -> PyResult<Bound<'py, PyList>>
    where
        T: IntoPyObject<'py>,
        I: IntoIterator<Item = T>,
    {
        let items = elements
            .into_iter()
            .map(|e| e.into_pyobject(py).map(|o| o.into_any().into_bound()).map_err(Into::into));
        api::list_from_iter(py, items)
    }

    /// `[]`.
    pub fn empty(py: Python<'_>) -> Bound<'_, PyList> {
        api::list_new(py)
    }
}

/// Methods of `list`.
pub trait PyListMethods<'py> {
    /// `len(self)`.
    fn len(&self) -> usize;
    /// `len(self) == 0`.
    fn is_empty(&self) -> bool;
    /// `self` as a sequence.
    fn as_sequence(&self) -> &Bound<'py, PySequence>;
    /// `self` as a sequence, by value.
    fn into_sequence(self) -> Bound<'py, PySequence>;
    /// `self[index]`; `IndexError` when out of range.
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>>;
    /// `self[low:high]` (bounds past the end are clamped).
    fn get_slice(&self, low: usize, high: usize) -> Bound<'py, PyList>;
    /// `self[index] = item`; `IndexError` when out of range.
    fn set_item<I: IntoPyObject<'py>>(&self, index: usize, item: I) -> PyResult<()>;
    /// `del self[index]`; `IndexError` when out of range.
    fn del_item(&self, index: usize) -> PyResult<()>;
    /// `self[low:high] = seq`.
    fn set_slice(&self, low: usize, high: usize, seq: &Bound<'_, PyAny>) -> PyResult<()>;
    /// `del self[low:high]`.
    fn del_slice(&self, low: usize, high: usize) -> PyResult<()>;
    /// `self.append(item)`.
    fn append<I: IntoPyObject<'py>>(&self, item: I) -> PyResult<()>;
    /// `self.insert(index, item)` (an index past the end appends).
    fn insert<I: IntoPyObject<'py>>(&self, index: usize, item: I) -> PyResult<()>;
    /// `value in self`.
    fn contains<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<bool>;
    /// `self.index(value)`; `ValueError` when absent.
    fn index<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<usize>;
    /// An iterator over the elements, reading each one when it is reached (a new reference, so
    /// concurrent mutation cannot free it): it stops at the list's current end, which may move.
    fn iter(&self) -> BoundListIterator<'py>;
    /// Calls `closure` on each item while holding the list's critical section on free-threaded
    /// builds (so no other thread changes it meanwhile); stops at the first error.
    fn locked_for_each<F>(&self, closure: F) -> PyResult<()>
    where
        F: Fn(Bound<'py, PyAny>) -> PyResult<()>;
    /// `self.sort()`.
    fn sort(&self) -> PyResult<()>;
    /// `self.reverse()`.
    fn reverse(&self) -> PyResult<()>;
    /// `tuple(self)`.
    fn to_tuple(&self) -> Bound<'py, PyTuple>;
}

impl<'py> PyListMethods<'py> for Bound<'py, PyList> {
    fn len(&self) -> usize {
        api::list_len(self)
    }
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn as_sequence(&self) -> &Bound<'py, PySequence> {
        self.as_any().cast::<PySequence>().expect("a list is a sequence")
    }
    fn into_sequence(self) -> Bound<'py, PySequence> {
        self.into_any().cast_into::<PySequence>().expect("a list is a sequence")
    }
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>> {
        api::list_get_item(self, index)
    }
    fn get_slice(&self, low: usize, high: usize) -> Bound<'py, PyList> {
        api::list_get_slice(self, low, high)
    }
    fn set_item<I: IntoPyObject<'py>>(&self, index: usize, item: I) -> PyResult<()> {
        api::list_set_item(self, index, to_any(self.py(), item)?)
    }
    fn del_item(&self, index: usize) -> PyResult<()> {
        self.as_sequence().del_item(index)
    }
    fn set_slice(&self, low: usize, high: usize, seq: &Bound<'_, PyAny>) -> PyResult<()> {
        api::list_set_slice(self, low, high, seq)
    }
    fn del_slice(&self, low: usize, high: usize) -> PyResult<()> {
        self.as_sequence().del_slice(low, high)
    }
    fn append<I: IntoPyObject<'py>>(&self, item: I) -> PyResult<()> {
        api::list_append(self, &to_any(self.py(), item)?)
    }
    fn insert<I: IntoPyObject<'py>>(&self, index: usize, item: I) -> PyResult<()> {
        api::list_insert(self, index, &to_any(self.py(), item)?)
    }
    fn contains<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<bool> {
        self.as_sequence().contains(value)
    }
    fn index<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<usize> {
        self.as_sequence().index(value)
    }
    fn iter(&self) -> BoundListIterator<'py> {
        BoundListIterator::new(self.clone())
    }
    fn locked_for_each<F>(&self, closure: F) -> PyResult<()>
    where
        F: Fn(Bound<'py, PyAny>) -> PyResult<()>,
    {
        api::critical_section(self, || self.iter().try_for_each(closure))
    }
    fn sort(&self) -> PyResult<()> {
        api::list_sort(self)
    }
    fn reverse(&self) -> PyResult<()> {
        api::list_reverse(self)
    }
    fn to_tuple(&self) -> Bound<'py, PyTuple> {
        api::list_as_tuple(self)
    }
}
