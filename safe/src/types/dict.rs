//! [`PyDict`], Python's `dict`, and [`IntoPyDict`].

use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::{Bound, BoundObject};
use crate::marker::Python;
use crate::types::PyAny;

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
    /// An iterator over the `(key, value)` pairs, read one at a time.
    ///
    /// # Panics
    /// When the dict changes size (or its keys change) during the iteration, as Python's own
    /// dict iterators raise `RuntimeError`.
    fn iter(&self) -> BoundDictIterator<'py>;
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

    fn iter(&self) -> BoundDictIterator<'py> {
        BoundDictIterator::new(self.clone())
    }
}

/// The iterator of [`PyDictMethods::iter`]: new references to each `(key, value)`, read with
/// `PyDict_Next` (inside a critical section on free-threaded builds).
pub struct BoundDictIterator<'py> {
    dict: Bound<'py, PyDict>,
    pos: api::DictPos,
    len: usize,
    remaining: usize,
}

impl<'py> BoundDictIterator<'py> {
    fn new(dict: Bound<'py, PyDict>) -> Self {
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
