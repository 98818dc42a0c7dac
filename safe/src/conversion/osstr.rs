//! `&OsStr`, `OsString` and `Cow<OsStr>` to and from `str`. On Unix the bytes go through the
//! filesystem encoding with surrogateescape (`os.fsdecode`/`os.fsencode`), so non-UTF-8 data
//! round-trips; extraction accepts only `str`.

use super::{FromPyObject, IntoPyObject};
use crate::err::{PyErr, PyResult};
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyAny, PyString};
use std::borrow::Cow;
use std::convert::Infallible;
use std::ffi::{OsStr, OsString};

/// `os.fsdecode` of the bytes of `s` (UTF-8 text takes the direct path).
pub(super) fn os_str_to_py<'py>(py: Python<'py>, s: &OsStr) -> Bound<'py, PyString> {
    if let Some(text) = s.to_str() {
        return PyString::new(py, text);
    }
    #[cfg(unix)]
    return crate::ffi::api::fs_decode(py, std::os::unix::ffi::OsStrExt::as_bytes(s));
    #[cfg(not(unix))]
    PyString::new(py, &s.to_string_lossy())
}

macro_rules! os_str_into {
    ($($t:ty => |$s:ident| $as_os_str:expr),* $(,)?) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = Infallible;
            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
                let $s = self;
                Ok(os_str_to_py(py, $as_os_str))
            }
        }
    )*};
}

os_str_into! {
    &OsStr => |s| s,
    &&OsStr => |s| s,
    OsString => |s| &s,
    &OsString => |s| s,
    Cow<'_, OsStr> => |s| &s,
    &Cow<'_, OsStr> => |s| s,
}

impl<'a, 'py> FromPyObject<'a, 'py> for OsString {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<OsString> {
        let text = obj.cast::<PyString>()?;
        #[cfg(unix)]
        {
            let encoded = crate::ffi::api::fs_encode(&text)?;
            let bytes = encoded.cast::<crate::types::PyBytes>()?;
            let raw = crate::ffi::api::bytes_data_borrowed(bytes.as_borrowed());
            Ok(<OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(raw).to_os_string())
        }
        #[cfg(not(unix))]
        Ok(crate::types::PyStringMethods::to_cow(text)?.into_owned().into())
    }
}

/// Borrows the text of a UTF-8 `str` where the API allows, converts otherwise.
impl<'a, 'py> FromPyObject<'a, 'py> for Cow<'a, OsStr> {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Cow<'a, OsStr>> {
        #[cfg(any(not(Py_LIMITED_API), Py_3_10))]
        if let Ok(text) = <&str>::extract(obj) {
            return Ok(Cow::Borrowed(OsStr::new(text)));
        }
        OsString::extract(obj).map(Cow::Owned)
    }
}
