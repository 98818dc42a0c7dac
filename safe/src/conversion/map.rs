//! `HashMap`/`BTreeMap` to and from `dict`.

use super::{FromPyObject, IntoPyObject};
use crate::err::{PyErr, PyResult};
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
        for (k, v) in dict.iter() {
            out.insert(k.extract().map_err(Into::into)?, v.extract().map_err(Into::into)?);
        }
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
        for (k, v) in dict.iter() {
            out.insert(k.extract().map_err(Into::into)?, v.extract().map_err(Into::into)?);
        }
        Ok(out)
    }
}
