//! [`PyFrozenSet`], Python's immutable `frozenset`.

use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::set::{to_any, BoundSetIterator};

native_type!(
    /// Python's `frozenset`.
    PyFrozenSet,
    "frozenset",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyFrozenSet_Type)
);

impl PyFrozenSet {
    /// A frozenset of the given elements (`TypeError` for an unhashable one).
    pub fn new<'py, T, I>(py: Python<'py>, elements: I) -> PyResult<Bound<'py, PyFrozenSet>>
    where
        T: IntoPyObject<'py>,
        I: IntoIterator<Item = T>,
    {
        // Filled while it is new and unshared, which the C API allows for frozensets.
        let set = api::frozenset_new(py)?;
        for e in elements {
            api::set_add(&set, &to_any(py, e)?)?;
        }
        Ok(set)
    }

    /// `frozenset()`.
    pub fn empty(py: Python<'_>) -> PyResult<Bound<'_, PyFrozenSet>> {
        api::frozenset_new(py)
    }
}

/// Builds a `frozenset` item by item (it stays private to the builder until
/// [`PyFrozenSetBuilder::finalize`]).
pub struct PyFrozenSetBuilder<'py> {
    set: Bound<'py, PyFrozenSet>,
}

impl<'py> PyFrozenSetBuilder<'py> {
    /// An empty builder.
    pub fn new(py: Python<'py>) -> PyResult<PyFrozenSetBuilder<'py>> {
        Ok(PyFrozenSetBuilder { set: api::frozenset_new(py)? })
    }

    /// Adds `key` (`TypeError` if it is unhashable).
    pub fn add<K: IntoPyObject<'py>>(&mut self, key: K) -> PyResult<()> {
        api::set_add(&self.set, &to_any(self.set.py(), key)?)
    }

    /// The finished frozenset.
    pub fn finalize(self) -> Bound<'py, PyFrozenSet> {
        self.set
    }
}

/// Methods of `frozenset`.
pub trait PyFrozenSetMethods<'py> {
    /// `len(self)`.
    fn len(&self) -> usize;
    /// `len(self) == 0`.
    fn is_empty(&self) -> bool;
    /// `key in self` (`TypeError` for an unhashable key).
    fn contains<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool>;
    /// An iterator over the elements.
    fn iter(&self) -> BoundFrozenSetIterator<'py>;
}

/// The iterator of [`PyFrozenSetMethods::iter`].
pub type BoundFrozenSetIterator<'py> = BoundSetIterator<'py>;

impl<'py> PyFrozenSetMethods<'py> for Bound<'py, PyFrozenSet> {
    fn len(&self) -> usize {
        api::set_len(self)
    }
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn contains<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool> {
        api::set_contains(self, &to_any(self.py(), key)?)
    }
    fn iter(&self) -> BoundFrozenSetIterator<'py> {
        BoundSetIterator::new(self.as_any())
    }
}

impl<'py> IntoIterator for Bound<'py, PyFrozenSet> {
    type Item = crate::Bound<'py, crate::PyAny>;
    type IntoIter = BoundFrozenSetIterator<'py>;
    fn into_iter(self) -> Self::IntoIter {
        BoundSetIterator::new(self.as_any())
    }
}

impl<'py> IntoIterator for &Bound<'py, PyFrozenSet> {
    type Item = crate::Bound<'py, crate::PyAny>;
    type IntoIter = BoundFrozenSetIterator<'py>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}
