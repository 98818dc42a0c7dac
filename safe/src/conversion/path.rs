//! `&Path`, `PathBuf` and `Cow<Path>` into `pathlib.Path`, and from anything `os.fspath`
//! accepts that gives a `str` (`str` itself and `os.PathLike` objects such as `pathlib.Path`).

use super::{FromPyObject, IntoPyObject};
use crate::err::{PyErr, PyResult};
use crate::instance::{Borrowed, Bound, Py};
use crate::marker::Python;
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods};
use std::borrow::Cow;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// `pathlib.Path`, imported once per process (as PyO3 does) rather than on every conversion.
static PATH_TYPE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn path_to_py<'py>(py: Python<'py>, path: &Path) -> PyResult<Bound<'py, PyAny>> {
    let text = super::osstr::os_str_to_py(py, path.as_os_str());
    PATH_TYPE.import(py, "pathlib", "Path")?.call1((text,))
}

macro_rules! path_into {
    ($($t:ty => |$p:ident| $as_path:expr),* $(,)?) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyAny;
            type Output = Bound<'py, PyAny>;
            type Error = PyErr;
            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
                let $p = self;
                path_to_py(py, $as_path)
            }
        }
    )*};
}

path_into! {
    &Path => |p| p,
    &&Path => |p| p,
    PathBuf => |p| &p,
    &PathBuf => |p| p,
    Cow<'_, Path> => |p| &p,
    &Cow<'_, Path> => |p| p,
}

impl<'a, 'py> FromPyObject<'a, 'py> for PathBuf {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<PathBuf> {
        let path = crate::ffi::api::fspath(&obj)?;
        Ok(path.extract::<OsString>()?.into())
    }
}

/// Borrows the text of a UTF-8 `str` where the API allows, converts otherwise.
impl<'a, 'py> FromPyObject<'a, 'py> for Cow<'a, Path> {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Cow<'a, Path>> {
        #[cfg(any(not(Py_LIMITED_API), Py_3_10))]
        if let Ok(text) = <&str>::extract(obj) {
            return Ok(Cow::Borrowed(Path::new(text)));
        }
        PathBuf::extract(obj).map(Cow::Owned)
    }
}
