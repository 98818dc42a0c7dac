//! [`BoundTupleIterator`], the iterator over a tuple's items.

use super::{PyTuple, PyTupleMethods};
use crate::ffi::api;
use crate::instance::{Borrowed, Bound};
use crate::types::PyAny;

/// The iterator of [`PyTupleMethods::iter`]: new references to the items, in order.
pub struct BoundTupleIterator<'py> {
    tuple: Bound<'py, PyTuple>,
    index: usize,
    end: usize,
}

impl<'py> BoundTupleIterator<'py> {
    pub(super) fn new(tuple: Bound<'py, PyTuple>) -> Self {
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

/// The iterator of [`PyTupleMethods::iter_borrowed`]: the items borrowed from the tuple, in
/// order, without touching reference counts.
pub struct BorrowedTupleIterator<'a, 'py> {
    tuple: Borrowed<'a, 'py, PyTuple>,
    index: usize,
    end: usize,
}

impl<'a, 'py> BorrowedTupleIterator<'a, 'py> {
    pub(super) fn new(tuple: Borrowed<'a, 'py, PyTuple>) -> Self {
        let end = tuple.len();
        BorrowedTupleIterator { tuple, index: 0, end }
    }
}

impl<'a, 'py> Iterator for BorrowedTupleIterator<'a, 'py> {
    type Item = Borrowed<'a, 'py, PyAny>;

    fn next(&mut self) -> Option<Self::Item> {
        (self.index < self.end).then(|| {
            self.index += 1;
            api::tuple_get_borrowed(self.tuple, self.index - 1)
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.end - self.index, Some(self.end - self.index))
    }
}

impl DoubleEndedIterator for BorrowedTupleIterator<'_, '_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        (self.index < self.end).then(|| {
            self.end -= 1;
            api::tuple_get_borrowed(self.tuple, self.end)
        })
    }
}

impl ExactSizeIterator for BorrowedTupleIterator<'_, '_> {}

impl std::iter::FusedIterator for BorrowedTupleIterator<'_, '_> {}
