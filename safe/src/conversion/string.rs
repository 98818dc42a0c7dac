//! `&str`, `String`, `Cow<str>` and `char` to and from `str` (extraction refuses other types).

use super::{FromPyObject, IntoPyObject};
use crate::err::{PyErr, PyResult};
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyAny, PyString};
use std::borrow::Cow;
use std::convert::Infallible;

impl<'py> IntoPyObject<'py> for &str {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        Ok(PyString::new(py, self))
    }
}

impl<'py> IntoPyObject<'py> for &&str {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Infallible;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        Ok(PyString::new(py, self))
    }
}

impl<'py> IntoPyObject<'py> for String {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        Ok(PyString::new(py, &self))
    }
}

impl<'py> IntoPyObject<'py> for &String {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        Ok(PyString::new(py, self))
    }
}

impl<'py> IntoPyObject<'py> for Cow<'_, str> {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        Ok(PyString::new(py, &self))
    }
}

impl<'py> IntoPyObject<'py> for char {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        Ok(PyString::new(py, self.encode_utf8(&mut [0; 4])))
    }
}

#[cfg(any(not(Py_LIMITED_API), Py_3_10))]
impl<'a, 'py> FromPyObject<'a, 'py> for &'a str {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<&'a str> {
        obj.cast::<PyString>()?;
        crate::ffi::api::string_to_str(crate::ffi::api::cast_borrowed(obj))
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Cow<'a, str> {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Cow<'a, str>> {
        obj.cast::<PyString>()?;
        crate::ffi::api::string_to_cow(crate::ffi::api::cast_borrowed(obj))
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for String {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<String> {
        Cow::<str>::extract(obj).map(Cow::into_owned)
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for char {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<char> {
        let s = Cow::<str>::extract(obj)?;
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(crate::exceptions::PyValueError::new_err("expected a string of length 1")),
        }
    }
}
