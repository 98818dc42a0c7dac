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

macro_rules! by_value {
    ($($t:ty => $target:ty, $output:ty);*) => {$(
        impl<'py> IntoPyObject<'py> for &$t {
            type Target = $target;
            type Output = $output;
            type Error = Infallible;
            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
                (*self).into_pyobject(py)
            }
        }
    )*};
}

by_value! {
    f64 => PyFloat, Bound<'py, PyFloat>;
    f32 => PyFloat, Bound<'py, PyFloat>;
    bool => PyBool, Borrowed<'static, 'py, PyBool>
}

impl<'a, 'py> FromPyObject<'a, 'py> for f64 {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<f64> {
        api::float_as_f64(&obj)
    }
}

/// Extracts as `f64` and narrows with `as`, like PyO3: NaN stays NaN, infinities stay
/// infinities, and finite values beyond `f32::MAX` become infinities (no error).
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
        Ok(crate::types::PyBoolMethods::is_true(&*b))
    }
}
