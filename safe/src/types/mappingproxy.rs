//! [`PyMappingProxy`], Python's `types.MappingProxyType` (a read-only view of a mapping).

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::{PyAny, PyAnyMethods, PyIterator, PyMapping, PyMappingMethods, PySequence};

native_type!(
    /// Python's `types.MappingProxyType`.
    PyMappingProxy,
    "mappingproxy",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyDictProxy_Type)
);

impl PyMappingProxy {
    /// `types.MappingProxyType(elements)`: a read-only view that follows `elements`.
    ///
    /// # Panics
    /// If the interpreter refuses `elements` (a `list` or `tuple` registered as a mapping).
    pub fn new<'py>(
        py: Python<'py>,
        elements: &Bound<'py, PyMapping>,
    ) -> Bound<'py, PyMappingProxy> {
        let _ = py;
        api::mapping_proxy_new(elements)
            .expect("PyDictProxy_New accepts every collections.abc.Mapping")
    }
}

/// Methods of `mappingproxy`.
pub trait PyMappingProxyMethods<'py, 'a> {
    /// `len(self) == 0`.
    fn is_empty(&self) -> PyResult<bool>;
    /// `list(self.keys())`.
    fn keys(&self) -> PyResult<Bound<'py, PySequence>>;
    /// `list(self.values())`.
    fn values(&self) -> PyResult<Bound<'py, PySequence>>;
    /// `list(self.items())`.
    fn items(&self) -> PyResult<Bound<'py, PySequence>>;
    /// `self` as a [`PyMapping`] (a mappingproxy is a `collections.abc.Mapping`).
    fn as_mapping(&self) -> &Bound<'py, PyMapping>;
    /// An iterator over the `(key, value)` pairs (each value looked up as its key is reached).
    fn try_iter(&'a self) -> PyResult<BoundMappingProxyIterator<'py, 'a>>;
}

impl<'py, 'a> PyMappingProxyMethods<'py, 'a> for Bound<'py, PyMappingProxy> {
    fn is_empty(&self) -> PyResult<bool> {
        Ok(self.len()? == 0)
    }
    fn keys(&self) -> PyResult<Bound<'py, PySequence>> {
        Ok(self.as_mapping().keys()?.into_any().cast_into()?)
    }
    fn values(&self) -> PyResult<Bound<'py, PySequence>> {
        Ok(self.as_mapping().values()?.into_any().cast_into()?)
    }
    fn items(&self) -> PyResult<Bound<'py, PySequence>> {
        Ok(self.as_mapping().items()?.into_any().cast_into()?)
    }
    fn as_mapping(&self) -> &Bound<'py, PyMapping> {
        self.as_any().cast::<PyMapping>().expect("mappingproxy is a registered Mapping")
    }
    fn try_iter(&'a self) -> PyResult<BoundMappingProxyIterator<'py, 'a>> {
        Ok(BoundMappingProxyIterator { iterator: self.as_any().try_iter()?, mappingproxy: self })
    }
}

/// The iterator of [`PyMappingProxyMethods::try_iter`]: `(key, value)` pairs, or the error of
/// iterating or of looking a value up.
pub struct BoundMappingProxyIterator<'py, 'a> {
    iterator: Bound<'py, PyIterator>,
    mappingproxy: &'a Bound<'py, PyMappingProxy>,
}

impl<'py> Iterator for BoundMappingProxyIterator<'py, '_> {
    type Item = PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)>;

    fn next(&mut self) -> Option<Self::Item> {
        self.iterator.next().map(|key| {
            let key = key?;
            let value = self.mappingproxy.get_item(&key)?;
            Ok((key, value))
        })
    }
}
