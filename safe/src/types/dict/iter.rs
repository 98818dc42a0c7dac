//! [`BoundDictIterator`], the iterator over a dict's `(key, value)` pairs.

use super::{PyDict, PyDictMethods};
use crate::ffi::api;
use crate::instance::Bound;
use crate::types::PyAny;

/// The iterator of [`PyDictMethods::iter`]: new references to each `(key, value)`, read with
/// `PyDict_Next` (inside a critical section on free-threaded builds).
pub struct BoundDictIterator<'py> {
    dict: Bound<'py, PyDict>,
    pos: api::DictPos,
    len: usize,
    remaining: usize,
}

impl<'py> BoundDictIterator<'py> {
    pub(super) fn new(dict: Bound<'py, PyDict>) -> Self {
        let len = dict.len();
        BoundDictIterator { dict, pos: 0, len, remaining: len }
    }
}

impl<'py> Iterator for BoundDictIterator<'py> {
    type Item = (Bound<'py, PyAny>, Bound<'py, PyAny>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.dict.len() != self.len {
            self.len = usize::MAX;
            panic!("dictionary changed size during iteration");
        }
        match api::dict_next(&self.dict, &mut self.pos) {
            Some(entry) => {
                if self.remaining == 0 {
                    panic!("dictionary keys changed during iteration");
                }
                self.remaining -= 1;
                Some(entry)
            }
            None => None,
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for BoundDictIterator<'_> {}

impl<'py> IntoIterator for Bound<'py, PyDict> {
    type Item = (Bound<'py, PyAny>, Bound<'py, PyAny>);
    type IntoIter = BoundDictIterator<'py>;
    fn into_iter(self) -> Self::IntoIter {
        BoundDictIterator::new(self)
    }
}

impl<'py> IntoIterator for &Bound<'py, PyDict> {
    type Item = (Bound<'py, PyAny>, Bound<'py, PyAny>);
    type IntoIter = BoundDictIterator<'py>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}
