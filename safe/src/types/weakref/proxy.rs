//! [`PyWeakrefProxy`], Python's weak proxies (`weakref.ProxyType` and
//! `weakref.CallableProxyType`).

use super::anyref::{upgrade, PyWeakrefMethods};
use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi::api;
use crate::instance::{Bound, BoundObject, DerefToPyAny};
use crate::type_object::PyTypeCheck;
use crate::types::{PyAny, PyAnyMethods};

/// A weak proxy, `weakref.proxy(object)`: `ProxyType`, or `CallableProxyType` for callable
/// referents. Recognised by [`PyTypeCheck`], as it is two types.
#[repr(transparent)]
pub struct PyWeakrefProxy(PyAny);

impl DerefToPyAny for PyWeakrefProxy {}

impl PyTypeCheck for PyWeakrefProxy {
    const NAME: &'static str = "weakproxy";
    fn type_check(object: &Bound<'_, PyAny>) -> bool {
        api::is_weakref_proxy(object)
    }
}

impl PyWeakrefProxy {
    /// `weakref.proxy(object)`; a `TypeError` if `object` cannot be weakly referenced.
    pub fn new<'py>(object: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyWeakrefProxy>> {
        Ok(api::weakref_new_proxy(object, None)?.cast_into()?)
    }

    /// `weakref.proxy(object, callback)`: `callback` (if not `None`) is called with the proxy
    /// when `object` is about to be finalized.
    pub fn new_with<'py, C>(
        object: &Bound<'py, PyAny>,
        callback: C,
    ) -> PyResult<Bound<'py, PyWeakrefProxy>>
    where
        C: IntoPyObject<'py>,
    {
        Self::new_with_callback(object, callback)
    }

    /// The same as [`PyWeakrefProxy::new_with`] (this crate's earlier name).
    pub fn new_with_callback<'py, C>(
        object: &Bound<'py, PyAny>,
        callback: C,
    ) -> PyResult<Bound<'py, PyWeakrefProxy>>
    where
        C: IntoPyObject<'py>,
    {
        let callback = callback.into_pyobject(object.py()).map_err(Into::into)?;
        let callback = callback.into_any().into_bound();
        let callback = (!callback.is_none()).then_some(&callback);
        Ok(api::weakref_new_proxy(object, callback)?.cast_into()?)
    }
}

impl<'py> PyWeakrefMethods<'py> for Bound<'py, PyWeakrefProxy> {
    fn upgrade(&self) -> Option<Bound<'py, PyAny>> {
        upgrade(self.as_any())
    }
}
