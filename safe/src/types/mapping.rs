//! [`PyMapping`], any object that is a `collections.abc.Mapping`, with the mapping protocol in
//! [`PyMappingMethods`].

use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi::api;
use crate::instance::{Bound, BoundObject, DerefToPyAny, Py};
use crate::marker::Python;
use crate::sync::PyOnceLock;
use crate::type_object::{PyTypeCheck, PyTypeInfo};
use crate::types::{PyAny, PyAnyMethods, PyDict, PyList, PyType};

/// Any mapping: an instance of `collections.abc.Mapping` (`dict` is recognised without asking
/// the ABC; other types must inherit from it or be registered, see [`PyMapping::register`]).
#[repr(transparent)]
pub struct PyMapping(PyAny);

impl DerefToPyAny for PyMapping {}

fn mapping_abc(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static MAPPING_ABC: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    MAPPING_ABC.import(py, "collections.abc", "Mapping")
}

impl PyTypeCheck for PyMapping {
    const NAME: &'static str = "Mapping";
    fn type_check(object: &Bound<'_, PyAny>) -> bool {
        if PyDict::is_type_of(object) {
            return true;
        }
        mapping_abc(object.py()).and_then(|abc| object.is_instance(abc)).unwrap_or_else(|e| {
            e.write_unraisable(object.py(), Some(object));
            false
        })
    }
}

impl PyMapping {
    /// Registers `T` as a virtual subclass of `collections.abc.Mapping`, so that its instances
    /// cast to `PyMapping`.
    pub fn register<T: PyTypeInfo>(py: Python<'_>) -> PyResult<()> {
        let ty = T::type_object(py);
        mapping_abc(py)?.call_method1("register", (ty,))?;
        Ok(())
    }
}

/// Methods of mappings (the abstract mapping protocol).
pub trait PyMappingMethods<'py> {
    /// `len(self)`.
    fn len(&self) -> PyResult<usize>;
    /// `len(self) == 0`.
    fn is_empty(&self) -> PyResult<bool>;
    /// `key in self`.
    fn contains<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool>;
    /// `self[key]`; `KeyError` if absent.
    fn get_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<Bound<'py, PyAny>>;
    /// `self[key] = value`.
    fn set_item<K: IntoPyObject<'py>, V: IntoPyObject<'py>>(
        &self,
        key: K,
        value: V,
    ) -> PyResult<()>;
    /// `del self[key]`.
    fn del_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<()>;
    /// `list(self.keys())`.
    fn keys(&self) -> PyResult<Bound<'py, PyList>>;
    /// `list(self.values())`.
    fn values(&self) -> PyResult<Bound<'py, PyList>>;
    /// `list(self.items())`.
    fn items(&self) -> PyResult<Bound<'py, PyList>>;
}

impl<'py> PyMappingMethods<'py> for Bound<'py, PyMapping> {
    fn len(&self) -> PyResult<usize> {
        api::mapping_len(self)
    }
    fn is_empty(&self) -> PyResult<bool> {
        self.len().map(|n| n == 0)
    }
    fn contains<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool> {
        let key = key.into_pyobject(self.py()).map_err(Into::into)?.into_any().into_bound();
        api::sequence_contains(self, &key)
    }
    fn get_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<Bound<'py, PyAny>> {
        self.as_any().get_item(key)
    }
    fn set_item<K: IntoPyObject<'py>, V: IntoPyObject<'py>>(
        &self,
        key: K,
        value: V,
    ) -> PyResult<()> {
        self.as_any().set_item(key, value)
    }
    fn del_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<()> {
        self.as_any().del_item(key)
    }
    fn keys(&self) -> PyResult<Bound<'py, PyList>> {
        Ok(api::mapping_keys(self)?.cast_into()?)
    }
    fn values(&self) -> PyResult<Bound<'py, PyList>> {
        Ok(api::mapping_values(self)?.cast_into()?)
    }
    fn items(&self) -> PyResult<Bound<'py, PyList>> {
        Ok(api::mapping_items(self)?.cast_into()?)
    }
}
