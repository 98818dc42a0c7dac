//! `&CStr`, `CString` and `Cow<CStr>` to and from `str`: into fails with a `Utf8Error` for
//! non-UTF-8 data; extraction takes a `str` and fails with `ValueError` if it holds a NUL.

use super::{FromPyObject, IntoPyObject};
use crate::err::{PyErr, PyResult};
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyAny, PyString};
use std::borrow::Cow;
use std::ffi::{CStr, CString};
use std::str::Utf8Error;

impl<'py> IntoPyObject<'py> for &CStr {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Utf8Error;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Utf8Error> {
        Ok(PyString::new(py, self.to_str()?))
    }
}

impl<'py> IntoPyObject<'py> for CString {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Utf8Error;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Utf8Error> {
        self.as_c_str().into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for &CString {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Utf8Error;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Utf8Error> {
        self.as_c_str().into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for Cow<'_, CStr> {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Utf8Error;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Utf8Error> {
        (*self).into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for &Cow<'_, CStr> {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Utf8Error;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Utf8Error> {
        (**self).into_pyobject(py)
    }
}

/// Borrows the object's cached UTF-8 form, which is NUL-terminated.
#[cfg(any(not(Py_LIMITED_API), Py_3_10))]
impl<'a, 'py> FromPyObject<'a, 'py> for &'a CStr {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<&'a CStr> {
        obj.cast::<PyString>()?;
        crate::ffi::api::string_to_cstr(crate::ffi::api::cast_borrowed(obj))
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Cow<'a, CStr> {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Cow<'a, CStr>> {
        #[cfg(any(not(Py_LIMITED_API), Py_3_10))]
        return <&CStr>::extract(obj).map(Cow::Borrowed);
        #[cfg(not(any(not(Py_LIMITED_API), Py_3_10)))]
        return CString::extract(obj).map(Cow::Owned);
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for CString {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<CString> {
        #[cfg(any(not(Py_LIMITED_API), Py_3_10))]
        return <&CStr>::extract(obj).map(CStr::to_owned);
        #[cfg(not(any(not(Py_LIMITED_API), Py_3_10)))]
        {
            let text = Cow::<str>::extract(obj)?;
            CString::new(text.into_owned()).map_err(Into::into)
        }
    }
}
