//! `HashMap`/`BTreeMap` to and from `dict`.

use super::{FromPyObject, IntoPyObject};
use crate::err::{PyErr, PyResult};
use crate::exceptions::PyRuntimeError;
use crate::ffi::api;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{IntoPyDict, PyAny, PyDict, PyDictMethods};
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

impl<'py, K, V, S> IntoPyObject<'py> for HashMap<K, V, S>
where
    K: IntoPyObject<'py>,
    V: IntoPyObject<'py>,
{
    type Target = PyDict;
    type Output = Bound<'py, PyDict>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        self.into_py_dict(py)
    }
}

impl<'py, K, V> IntoPyObject<'py> for BTreeMap<K, V>
where
    K: IntoPyObject<'py>,
    V: IntoPyObject<'py>,
{
    type Target = PyDict;
    type Output = Bound<'py, PyDict>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        self.into_py_dict(py)
    }
}

/// Calls `f` with each `(key, value)` of `dict`. Extracting an item can run Python code that
/// changes the dict: that is Python's `RuntimeError` here (as when Python iterates a dict), not
/// the panic of [`PyDictMethods::iter`].
fn for_each_item<'py>(
    dict: &Bound<'py, PyDict>,
    mut f: impl FnMut(Bound<'py, PyAny>, Bound<'py, PyAny>) -> PyResult<()>,
) -> PyResult<()> {
    // The values may contain maps again (a recursive `FromPyObject`).
    let _depth = api::enter_recursive_call(dict.py(), c" while extracting a map")?;
    let len = dict.len();
    let mut remaining = len;
    let mut pos: api::DictPos = 0;
    loop {
        if dict.len() != len {
            return Err(PyRuntimeError::new_err("dictionary changed size during iteration"));
        }
        let Some((k, v)) = api::dict_next(dict, &mut pos) else { return Ok(()) };
        if remaining == 0 {
            return Err(PyRuntimeError::new_err("dictionary keys changed during iteration"));
        }
        remaining -= 1;
        f(k, v)?;
    }
}

impl<'a, 'py, K, V, S> FromPyObject<'a, 'py> for HashMap<K, V, S>
where
    K: for<'b> FromPyObject<'b, 'py> + Eq + Hash,
    V: for<'b> FromPyObject<'b, 'py>,
    S: BuildHasher + Default,
{
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let dict = obj.cast::<PyDict>()?;
        let mut out = HashMap::with_capacity_and_hasher(dict.len(), S::default());
        for_each_item(&dict, |k, v| {
            out.insert(k.extract().map_err(Into::into)?, v.extract().map_err(Into::into)?);
            Ok(())
        })?;
        Ok(out)
    }
}

impl<'a, 'py, K, V> FromPyObject<'a, 'py> for BTreeMap<K, V>
where
    K: for<'b> FromPyObject<'b, 'py> + Ord,
    V: for<'b> FromPyObject<'b, 'py>,
{
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let dict = obj.cast::<PyDict>()?;
        let mut out = BTreeMap::new();
        for_each_item(&dict, |k, v| {
            out.insert(k.extract().map_err(Into::into)?, v.extract().map_err(Into::into)?);
            Ok(())
        })?;
        Ok(out)
    }
}
