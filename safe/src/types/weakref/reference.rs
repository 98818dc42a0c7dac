//! [`PyWeakrefReference`], Python's `weakref.ref` (`weakref.ReferenceType`).

use super::anyref::{upgrade, PyWeakrefMethods};
use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::{Bound, BoundObject};
use crate::types::{PyAny, PyAnyMethods};

native_type!(
    /// Python's `weakref.ref`.
    PyWeakrefReference,
    "ReferenceType",
    Some("weakref"),
    type_object = |py| crate::ffi::api::weakref_ref_type(py)
);

impl PyWeakrefReference {
    /// `weakref.ref(object)`; a `TypeError` if `object` cannot be weakly referenced.
    pub fn new<'py>(object: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyWeakrefReference>> {
        Ok(api::cast_bound(api::weakref_new_ref(object, None)?))
    }

    /// `weakref.ref(object, callback)`: `callback` (if not `None`) is called with the
    /// reference when `object` is about to be finalized.
    pub fn new_with<'py, C>(
        object: &Bound<'py, PyAny>,
        callback: C,
    ) -> PyResult<Bound<'py, PyWeakrefReference>>
    where
        C: IntoPyObject<'py>,
    {
        Self::new_with_callback(object, callback)
    }

    /// The same as [`PyWeakrefReference::new_with`] (this crate's earlier name).
    pub fn new_with_callback<'py, C>(
        object: &Bound<'py, PyAny>,
        callback: C,
    ) -> PyResult<Bound<'py, PyWeakrefReference>>
    where
        C: IntoPyObject<'py>,
    {
        let callback = callback.into_pyobject(object.py()).map_err(Into::into)?;
        let callback = callback.into_any().into_bound();
        let callback = (!callback.is_none()).then_some(&callback);
        Ok(api::cast_bound(api::weakref_new_ref(object, callback)?))
    }
}

impl<'py> PyWeakrefMethods<'py> for Bound<'py, PyWeakrefReference> {
    fn upgrade(&self) -> Option<Bound<'py, PyAny>> {
        upgrade(self.as_any())
    }
}
