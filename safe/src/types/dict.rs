//! [`PyDict`], Python's `dict`, and [`IntoPyDict`].

use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::{Bound, BoundObject};
use crate::marker::Python;
use crate::types::{PyAny, PyList, PyListMethods, PyTuple, PyTupleMethods};

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
}

fn to_any<'py, T: IntoPyObject<'py>>(py: Python<'py>, v: T) -> PyResult<Bound<'py, PyAny>> {
    v.into_pyobject(py).map(|o| o.into_any().into_bound()).map_err(Into::into)
}

/// Methods of `dict`.
pub trait PyDictMethods<'py> {
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
    /// `len(self)`.
    fn len(&self) -> usize;
    /// `len(self) == 0`.
    fn is_empty(&self) -> bool;
    /// A snapshot of the `(key, value)` pairs.
    fn iter(&self) -> std::vec::IntoIter<(Bound<'py, PyAny>, Bound<'py, PyAny>)>;
}

impl<'py> PyDictMethods<'py> for Bound<'py, PyDict> {
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

    fn len(&self) -> usize {
        api::dict_len(self)
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn iter(&self) -> std::vec::IntoIter<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let items: Bound<'py, PyList> = api::dict_items(self);
        items
            .iter()
            .filter_map(|pair| {
                let pair = pair.cast_into::<PyTuple>().ok()?;
                Some((pair.get_item(0).ok()?, pair.get_item(1).ok()?))
            })
            .collect::<Vec<_>>()
            .into_iter()
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
