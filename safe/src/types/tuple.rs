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
    /// An iterator over the elements (a tuple is immutable, so this is exact).
    fn iter(&self) -> BoundTupleIterator<'py>;
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
    fn iter(&self) -> BoundTupleIterator<'py> {
        BoundTupleIterator::new(self.clone())
    }
}

/// The iterator of [`PyTupleMethods::iter`]: new references to the items, in order.
pub struct BoundTupleIterator<'py> {
    tuple: Bound<'py, PyTuple>,
    index: usize,
    end: usize,
}

impl<'py> BoundTupleIterator<'py> {
    fn new(tuple: Bound<'py, PyTuple>) -> Self {
        let end = tuple.len();
        BoundTupleIterator { tuple, index: 0, end }
    }
}

impl<'py> Iterator for BoundTupleIterator<'py> {
    type Item = Bound<'py, PyAny>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.index < self.end {
            let item = self.tuple.get_item(self.index).ok()?;
            self.index += 1;
            Some(item)
        } else {
            None
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end - self.index;
        (n, Some(n))
    }
}

impl DoubleEndedIterator for BoundTupleIterator<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.index < self.end {
            let item = self.tuple.get_item(self.end - 1).ok()?;
            self.end -= 1;
            Some(item)
        } else {
            None
        }
    }
}

impl ExactSizeIterator for BoundTupleIterator<'_> {}

impl std::iter::FusedIterator for BoundTupleIterator<'_> {}

impl<'py> IntoIterator for Bound<'py, PyTuple> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundTupleIterator<'py>;
    fn into_iter(self) -> Self::IntoIter {
        BoundTupleIterator::new(self)
    }
}

impl<'py> IntoIterator for &Bound<'py, PyTuple> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundTupleIterator<'py>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}
