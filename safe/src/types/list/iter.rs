//! [`BoundListIterator`], the iterator over a list's items.

use super::{PyList, PyListMethods};
use crate::instance::Bound;
use crate::types::PyAny;

/// The iterator of [`PyListMethods::iter`]: yields new references to the items, one index at a
/// time; each step re-reads the list's length, so items appended or removed meanwhile are seen.
pub struct BoundListIterator<'py> {
    list: Bound<'py, PyList>,
    index: usize,
    end: usize,
}

impl<'py> BoundListIterator<'py> {
    pub(super) fn new(list: Bound<'py, PyList>) -> Self {
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
