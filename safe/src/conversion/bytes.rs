//! Byte slices: `&[u8]` borrowed from `bytes` (only), `Cow<[u8]>` borrowed from `bytes` or
//! copied from `bytearray`, and `Cow<[u8]>` into `bytes`.

use super::{FromPyObject, IntoPyObject};
use crate::err::{CastError, PyErr, PyResult};
use crate::ffi::api;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyAny, PyBytes};
use std::borrow::Cow;
use std::convert::Infallible;

impl<'a, 'py> FromPyObject<'a, 'py> for &'a [u8] {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<&'a [u8]> {
        obj.cast::<PyBytes>()?;
        Ok(api::bytes_data_borrowed(api::cast_borrowed(obj)))
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Cow<'a, [u8]> {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Cow<'a, [u8]>> {
        if obj.cast::<PyBytes>().is_ok() {
            return Ok(Cow::Borrowed(api::bytes_data_borrowed(api::cast_borrowed(obj))));
        }
        if let Ok(array) = obj.cast::<crate::types::PyByteArray>() {
            return Ok(Cow::Owned(crate::types::PyByteArrayMethods::to_vec(&*array)));
        }
        Err(CastError::new(obj, "bytearray").into())
    }
}

impl<'py> IntoPyObject<'py> for Cow<'_, [u8]> {
    type Target = PyBytes;
    type Output = Bound<'py, PyBytes>;
    type Error = Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        Ok(PyBytes::new(py, &self))
    }
}

impl<'py> IntoPyObject<'py> for &Cow<'_, [u8]> {
    type Target = PyBytes;
    type Output = Bound<'py, PyBytes>;
    type Error = Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        Ok(PyBytes::new(py, self))
    }
}
