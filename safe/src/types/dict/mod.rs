//! [`PyDict`], Python's `dict`, with [`PyDictMethods`] and [`IntoPyDict`].

mod iter;

pub use iter::BoundDictIterator;

use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api::{self, DictPart};
use crate::ffi::native::native_type;
use crate::instance::{Bound, BoundObject};
use crate::marker::Python;
use crate::types::{PyAny, PyList, PyMapping};

native_type!(
    /// Python's `dict`.
    PyDict,
    "dict",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyDict_Type),
    check = ffi::PyDict_Check
);

impl PyDict {
    /// `{}`.
    pub fn new(py: Python<'_>) -> Bound<'_, PyDict> {
        api::dict_new(py)
    }

    /// `dict(seq)` for a sequence of key-value pairs; on duplicate keys the last one wins.
    /// Not on PyPy (no `PyDict_MergeFromSeq2`).
    #[cfg(not(any(PyPy, GraalPy)))]
    pub fn from_sequence<'py>(seq: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(seq.py());
        api::dict_merge_from_seq2(&dict, seq)?;
        Ok(dict)
    }
}

fn to_any<'py, T: IntoPyObject<'py>>(py: Python<'py>, v: T) -> PyResult<Bound<'py, PyAny>> {
    v.into_pyobject(py).map(|o| o.into_any().into_bound()).map_err(Into::into)
}

/// Methods of `dict`.
pub trait PyDictMethods<'py> {
    /// `self.copy()`: a new dict with the same pairs.
    fn copy(&self) -> PyResult<Bound<'py, PyDict>>;
    /// `self.clear()`.
    fn clear(&self);
    /// `self[key] = value`.
    fn set_item<K: IntoPyObject<'py>, V: IntoPyObject<'py>>(
        &self,
        key: K,
        value: V,
    ) -> PyResult<()>;
    /// `self.get(key)`: `None` when absent; errors from hashing or comparing propagate.
    fn get_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<Option<Bound<'py, PyAny>>>;
    /// `key in self`.
    fn contains<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool>;
    /// `del self[key]`: `KeyError` when absent.
    fn del_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<()>;
    /// `list(self.keys())`.
    fn keys(&self) -> Bound<'py, PyList>;
    /// `list(self.values())`.
    fn values(&self) -> Bound<'py, PyList>;
    /// `list(self.items())`: a list of `(key, value)` tuples.
    fn items(&self) -> Bound<'py, PyList>;
    /// `len(self)`.
    fn len(&self) -> usize;
    /// `len(self) == 0`.
    fn is_empty(&self) -> bool;
    /// An iterator over the `(key, value)` pairs, read one at a time.
    ///
    /// # Panics
    /// When the dict changes size (or its keys change) during the iteration, as Python's own
    /// dict iterators raise `RuntimeError`.
    fn iter(&self) -> BoundDictIterator<'py>;
    /// Calls `closure` on each `(key, value)` pair while holding the dict's critical section on
    /// free-threaded builds (so no other thread changes it meanwhile); stops at the first error.
    fn locked_for_each<F>(&self, closure: F) -> PyResult<()>
    where
        F: Fn(Bound<'py, PyAny>, Bound<'py, PyAny>) -> PyResult<()>;
    /// `self` as a mapping.
    fn as_mapping(&self) -> &Bound<'py, PyMapping>;
    /// `self` as a mapping, by value.
    fn into_mapping(self) -> Bound<'py, PyMapping>;
    /// `self.update(other)`: the pairs of `other` overwrite existing keys.
    fn update(&self, other: &Bound<'_, PyMapping>) -> PyResult<()>;
    /// Like `update`, but keeps the existing value of keys already present.
    fn update_if_missing(&self, other: &Bound<'_, PyMapping>) -> PyResult<()>;
}

impl<'py> PyDictMethods<'py> for Bound<'py, PyDict> {
    fn copy(&self) -> PyResult<Bound<'py, PyDict>> {
        api::dict_copy(self)
    }

    fn clear(&self) {
        api::dict_clear(self)
    }
    fn set_item<K: IntoPyObject<'py>, V: IntoPyObject<'py>>(
        &self,
        key: K,
        value: V,
    ) -> PyResult<()> {
        let py = self.py();
        api::dict_set_item(self, &to_any(py, key)?, &to_any(py, value)?)
    }

    fn get_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<Option<Bound<'py, PyAny>>> {
        api::dict_get_item(self, &to_any(self.py(), key)?)
    }

    fn contains<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool> {
        api::dict_contains(self, &to_any(self.py(), key)?)
    }

    fn del_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<()> {
        api::dict_del_item(self, &to_any(self.py(), key)?)
    }

    fn keys(&self) -> Bound<'py, PyList> {
        api::dict_list(self, DictPart::Keys)
    }

    fn values(&self) -> Bound<'py, PyList> {
        api::dict_list(self, DictPart::Values)
    }

    fn items(&self) -> Bound<'py, PyList> {
        api::dict_list(self, DictPart::Items)
    }

    fn len(&self) -> usize {
        api::dict_len(self)
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn iter(&self) -> BoundDictIterator<'py> {
        BoundDictIterator::new(self.clone())
    }

    fn locked_for_each<F>(&self, closure: F) -> PyResult<()>
    where
        F: Fn(Bound<'py, PyAny>, Bound<'py, PyAny>) -> PyResult<()>,
    {
        api::critical_section(self, || self.iter().try_for_each(|(k, v)| closure(k, v)))
    }

    fn as_mapping(&self) -> &Bound<'py, PyMapping> {
        self.as_any().cast::<PyMapping>().expect("a dict is a mapping")
    }

    fn into_mapping(self) -> Bound<'py, PyMapping> {
        self.into_any().cast_into::<PyMapping>().expect("a dict is a mapping")
    }

    fn update(&self, other: &Bound<'_, PyMapping>) -> PyResult<()> {
        api::dict_merge(self, other, true)
    }

    fn update_if_missing(&self, other: &Bound<'_, PyMapping>) -> PyResult<()> {
        api::dict_merge(self, other, false)
    }
}

/// Conversion of key-value collections into a `dict` (PyO3's `into_py_dict`).
pub trait IntoPyDict<'py>: Sized {
    /// A new dict of the pairs.
    fn into_py_dict(self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>>;
}

impl<'py, I, K, V> IntoPyDict<'py> for I
where
    I: IntoIterator<Item = (K, V)>,
    K: IntoPyObject<'py>,
    V: IntoPyObject<'py>,
{
    fn into_py_dict(self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (k, v) in self {
            dict.set_item(k, v)?;
        }
        Ok(dict)
    }
}
