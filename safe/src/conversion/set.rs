//! `HashSet`/`BTreeSet` to `set`, and from `set` or `frozenset`.

use super::{FromPyObject, IntoPyObject};
use crate::err::{PyErr, PyResult};
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyAny, PyAnyMethods, PyFrozenSet, PySet};
use std::collections::{BTreeSet, HashSet};
use std::hash::{BuildHasher, Hash};

impl<'py, K, S> IntoPyObject<'py> for HashSet<K, S>
where
    K: IntoPyObject<'py>,
{
    type Target = PySet;
    type Output = Bound<'py, PySet>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        PySet::new(py, self)
    }
}

impl<'a, 'py, K, S> IntoPyObject<'py> for &'a HashSet<K, S>
where
    &'a K: IntoPyObject<'py>,
{
    type Target = PySet;
    type Output = Bound<'py, PySet>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        PySet::new(py, self)
    }
}

impl<'py, K> IntoPyObject<'py> for BTreeSet<K>
where
    K: IntoPyObject<'py>,
{
    type Target = PySet;
    type Output = Bound<'py, PySet>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        PySet::new(py, self)
    }
}

impl<'a, 'py, K> IntoPyObject<'py> for &'a BTreeSet<K>
where
    &'a K: IntoPyObject<'py>,
{
    type Target = PySet;
    type Output = Bound<'py, PySet>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        PySet::new(py, self)
    }
}

/// Extracts every element of a `set` or `frozenset` into `out`; a `TypeError` naming the
/// actual type for anything else.
fn extract_into<'py, K, C>(obj: Borrowed<'_, 'py, PyAny>, out: &mut C) -> PyResult<()>
where
    K: for<'b> FromPyObject<'b, 'py>,
    C: Extend<K>,
{
    if let Err(err) = obj.cast::<PySet>() {
        if obj.cast::<PyFrozenSet>().is_err() {
            return Err(err.into());
        }
    }
    // The elements may contain sets again (a recursive `FromPyObject`).
    let _depth = crate::ffi::api::enter_recursive_call(obj.py(), c" while extracting a set")?;
    // Python's own iterator, with its errors as errors: extracting an element can run Python
    // code that changes the set (`RuntimeError: Set changed size during iteration`), which
    // must not become the panic of `PySetMethods::iter`.
    for item in obj.try_iter()? {
        out.extend(Some(item?.extract::<K>().map_err(Into::into)?));
    }
    Ok(())
}

impl<'a, 'py, K, S> FromPyObject<'a, 'py> for HashSet<K, S>
where
    K: for<'b> FromPyObject<'b, 'py> + Eq + Hash,
    S: BuildHasher + Default,
{
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let mut out = HashSet::with_hasher(S::default());
        extract_into(obj, &mut out)?;
        Ok(out)
    }
}

impl<'a, 'py, K> FromPyObject<'a, 'py> for BTreeSet<K>
where
    K: for<'b> FromPyObject<'b, 'py> + Ord,
{
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let mut out = BTreeSet::new();
        extract_into(obj, &mut out)?;
        Ok(out)
    }
}
