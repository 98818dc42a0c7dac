//! [`PyMappingProxy`], Python's `types.MappingProxyType` (a read-only view of a mapping).

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::{PyAnyMethods, PyMapping, PyMappingMethods, PySequence};

native_type!(
    /// Python's `types.MappingProxyType`.
    PyMappingProxy,
    "mappingproxy",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyDictProxy_Type)
);

impl PyMappingProxy {
    /// `types.MappingProxyType(elements)`: a read-only view that follows `elements`.
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
pub trait PyMappingProxyMethods<'py> {
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
}

impl<'py> PyMappingProxyMethods<'py> for Bound<'py, PyMappingProxy> {
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
}
