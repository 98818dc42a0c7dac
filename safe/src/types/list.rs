//! [`PyList`], Python's `list`.

use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::{Bound, BoundObject};
use crate::marker::Python;
use crate::types::PyAny;

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
    /// `self[index]`; `IndexError` when out of range.
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>>;
    /// `self.append(item)`.
    fn append<I: IntoPyObject<'py>>(&self, item: I) -> PyResult<()>;
    /// An iterator over the elements, reading each one when it is reached (a new reference, so
    /// concurrent mutation cannot free it): it stops at the list's current end, which may move.
    fn iter(&self) -> BoundListIterator<'py>;
}

impl<'py> PyListMethods<'py> for Bound<'py, PyList> {
    fn len(&self) -> usize {
        api::list_len(self)
    }
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>> {
        api::list_get_item(self, index)
    }
    fn append<I: IntoPyObject<'py>>(&self, item: I) -> PyResult<()> {
        let item = item.into_pyobject(self.py()).map_err(Into::into)?.into_any().into_bound();
        api::list_append(self, &item)
    }
    fn iter(&self) -> BoundListIterator<'py> {
        BoundListIterator::new(self.clone())
    }
}

/// The iterator of [`PyListMethods::iter`]: yields new references to the items, one index at a
/// time; each step re-reads the list's length, so items appended or removed meanwhile are seen.
pub struct BoundListIterator<'py> {
    list: Bound<'py, PyList>,
    index: usize,
    end: usize,
}

impl<'py> BoundListIterator<'py> {
    fn new(list: Bound<'py, PyList>) -> Self {
        let end = list.len();
        BoundListIterator { list, index: 0, end }
    }

    fn current_end(&self) -> usize {
        self.end.min(self.list.len())
    }
}

impl<'py> Iterator for BoundListIterator<'py> {
    type Item = Bound<'py, PyAny>;

    fn next(&mut self) -> Option<Self::Item> {
        let end = self.current_end();
        if self.index < end {
            let item = self.list.get_item(self.index).ok()?;
            self.index += 1;
            Some(item)
        } else {
            None
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.len();
        (n, Some(n))
    }
}

impl DoubleEndedIterator for BoundListIterator<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let end = self.current_end();
        if self.index < end {
            let item = self.list.get_item(end - 1).ok()?;
            self.end = end - 1;
            Some(item)
        } else {
            None
        }
    }
}

impl ExactSizeIterator for BoundListIterator<'_> {
    fn len(&self) -> usize {
        self.current_end().saturating_sub(self.index)
    }
}

impl std::iter::FusedIterator for BoundListIterator<'_> {}

impl<'py> IntoIterator for Bound<'py, PyList> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundListIterator<'py>;
    fn into_iter(self) -> Self::IntoIter {
        BoundListIterator::new(self)
    }
}

impl<'py> IntoIterator for &Bound<'py, PyList> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundListIterator<'py>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}
