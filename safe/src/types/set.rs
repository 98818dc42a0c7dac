//! [`PySet`], Python's mutable `set`.

use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::{Bound, BoundObject};
use crate::marker::Python;
use crate::types::{PyAny, PyIterator};

native_type!(
    /// Python's `set`.
    PySet,
    "set",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PySet_Type)
);

pub(crate) fn to_any<'py, T: IntoPyObject<'py>>(
    py: Python<'py>,
    v: T,
) -> PyResult<Bound<'py, PyAny>> {
    v.into_pyobject(py).map(|o| o.into_any().into_bound()).map_err(Into::into)
}

impl PySet {
    /// A set of the given elements (`TypeError` for an unhashable one).
    pub fn new<'py, T, I>(py: Python<'py>, elements: I) -> PyResult<Bound<'py, PySet>>
    where
        T: IntoPyObject<'py>,
        I: IntoIterator<Item = T>,
    {
        let set = api::set_new(py)?;
        for e in elements {
            api::set_add(&set, &to_any(py, e)?)?;
        }
        Ok(set)
    }

    /// `set()`.
    pub fn empty(py: Python<'_>) -> PyResult<Bound<'_, PySet>> {
        api::set_new(py)
    }
}

/// Methods of `set`.
pub trait PySetMethods<'py> {
    /// `self.clear()`.
    fn clear(&self);
    /// `len(self)`.
    fn len(&self) -> usize;
    /// `len(self) == 0`.
    fn is_empty(&self) -> bool;
    /// `key in self` (`TypeError` for an unhashable key).
    fn contains<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool>;
    /// `self.discard(key)`: whether the key was present.
    fn discard<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool>;
    /// `self.add(key)`.
    fn add<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<()>;
    /// `self.pop()`: an arbitrary element, removed; `None` when the set is empty.
    fn pop(&self) -> Option<Bound<'py, PyAny>>;
    /// An iterator over the elements (Python's set iterator).
    ///
    /// # Panics
    /// When the set changes size during the iteration (Python raises `RuntimeError`).
    fn iter(&self) -> BoundSetIterator<'py>;
}

impl<'py> PySetMethods<'py> for Bound<'py, PySet> {
    fn clear(&self) {
        api::set_clear(self)
    }
    fn len(&self) -> usize {
        api::set_len(self)
    }
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn contains<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool> {
        api::set_contains(self, &to_any(self.py(), key)?)
    }
    fn discard<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool> {
        api::set_discard(self, &to_any(self.py(), key)?)
    }
    fn add<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<()> {
        api::set_add(self, &to_any(self.py(), key)?)
    }
    fn pop(&self) -> Option<Bound<'py, PyAny>> {
        api::set_pop(self)
    }
    fn iter(&self) -> BoundSetIterator<'py> {
        BoundSetIterator::new(self.as_any())
    }
}

/// The iterator of [`PySetMethods::iter`] and
/// [`PyFrozenSetMethods::iter`](crate::types::PyFrozenSetMethods::iter): new references to the
/// elements, from Python's own set iterator (sound under concurrent mutation).
pub struct BoundSetIterator<'py> {
    iter: Bound<'py, PyIterator>,
    remaining: usize,
}

impl<'py> BoundSetIterator<'py> {
    pub(crate) fn new(set: &Bound<'py, PyAny>) -> Self {
        let iter = PyIterator::from_object(set).expect("a set is iterable");
        BoundSetIterator { iter, remaining: api::set_len(set) }
    }
}

impl<'py> Iterator for BoundSetIterator<'py> {
    type Item = Bound<'py, PyAny>;

    fn next(&mut self) -> Option<Self::Item> {
        let item =
            self.iter.next()?.expect("set iteration failed (changed size during iteration?)");
        self.remaining = self.remaining.saturating_sub(1);
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for BoundSetIterator<'_> {}

impl<'py> IntoIterator for Bound<'py, PySet> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundSetIterator<'py>;
    fn into_iter(self) -> Self::IntoIter {
        BoundSetIterator::new(self.as_any())
    }
}

impl<'py> IntoIterator for &Bound<'py, PySet> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundSetIterator<'py>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}
