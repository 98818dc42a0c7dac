//! `f32`/`f64` to and from `float`, and `bool` to and from `bool`.

use super::{FromPyObject, IntoPyObject};
use crate::err::{PyErr, PyResult};
use crate::ffi::api;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyAny, PyBool, PyFloat};
use std::convert::Infallible;

impl<'py> IntoPyObject<'py> for f64 {
    type Target = PyFloat;
    type Output = Bound<'py, PyFloat>;
    type Error = Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        Ok(PyFloat::new(py, self))
    }
}

impl<'py> IntoPyObject<'py> for f32 {
    type Target = PyFloat;
    type Output = Bound<'py, PyFloat>;
    type Error = Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        Ok(PyFloat::new(py, self as f64))
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for f64 {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<f64> {
        api::float_as_f64(&obj)
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for f32 {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<f32> {
        api::float_as_f64(&obj).map(|v| v as f32)
    }
}

impl<'py> IntoPyObject<'py> for bool {
    type Target = PyBool;
    type Output = Borrowed<'static, 'py, PyBool>;
    type Error = Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        Ok(PyBool::new(py, self))
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for bool {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<bool> {
        let b = obj.cast::<PyBool>()?;
        Ok(crate::types::PyBoolMethods::is_true(b))
    }
}
