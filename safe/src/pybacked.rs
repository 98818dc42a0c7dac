//! [`PyBackedStr`] and [`PyBackedBytes`] (PyO3's `pyo3::pybacked`): `String`/`Vec<u8>`-like
//! values whose storage is a Python object, so extracting them copies nothing (except from a
//! `bytearray`, and `str` under the limited API before 3.10). This file holds their
//! conversions and comparisons; the owning core is in `instance/pybacked.rs`.

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::err::{CastError, PyErr};
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyAny, PyByteArray, PyBytes, PyString};
use std::convert::Infallible;
use std::ops::Deref;

pub use crate::instance::pybacked::{PyBackedBytes, PyBackedStr};

impl AsRef<str> for PyBackedStr {
    fn as_ref(&self) -> &str {
        self
    }
}

impl AsRef<[u8]> for PyBackedStr {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl AsRef<[u8]> for PyBackedBytes {
    fn as_ref(&self) -> &[u8] {
        self
    }
}

impl std::fmt::Display for PyBackedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.deref().fmt(f)
    }
}

/// Debug, equality, ordering and hashing through the borrowed data, as for `String`/`Vec<u8>`.
macro_rules! impl_traits {
    ($slf:ty, $equiv:ty) => {
        impl std::fmt::Debug for $slf {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.deref().fmt(f)
            }
        }
        impl PartialEq for $slf {
            fn eq(&self, other: &Self) -> bool {
                self.deref() == other.deref()
            }
        }
        impl PartialEq<$equiv> for $slf {
            fn eq(&self, other: &$equiv) -> bool {
                self.deref() == other
            }
        }
        impl PartialEq<&$equiv> for $slf {
            fn eq(&self, other: &&$equiv) -> bool {
                self.deref() == *other
            }
        }
        impl PartialEq<$slf> for $equiv {
            fn eq(&self, other: &$slf) -> bool {
                self == other.deref()
            }
        }
        impl PartialEq<$slf> for &$equiv {
            fn eq(&self, other: &$slf) -> bool {
                *self == other.deref()
            }
        }
        impl Eq for $slf {}
        impl PartialOrd for $slf {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }
        impl PartialOrd<$equiv> for $slf {
            fn partial_cmp(&self, other: &$equiv) -> Option<std::cmp::Ordering> {
                self.deref().partial_cmp(other)
            }
        }
        impl PartialOrd<$slf> for $equiv {
            fn partial_cmp(&self, other: &$slf) -> Option<std::cmp::Ordering> {
                self.partial_cmp(other.deref())
            }
        }
        impl Ord for $slf {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.deref().cmp(other.deref())
            }
        }
        impl std::hash::Hash for $slf {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.deref().hash(state)
            }
        }
    };
}

impl_traits!(PyBackedStr, str);
impl_traits!(PyBackedBytes, [u8]);

impl PartialEq<String> for PyBackedStr {
    fn eq(&self, other: &String) -> bool {
        self.deref() == other
    }
}

impl PartialEq<PyBackedStr> for String {
    fn eq(&self, other: &PyBackedStr) -> bool {
        self == other.deref()
    }
}

impl PartialEq<Vec<u8>> for PyBackedBytes {
    fn eq(&self, other: &Vec<u8>) -> bool {
        self.deref() == other.as_slice()
    }
}

impl PartialEq<PyBackedBytes> for Vec<u8> {
    fn eq(&self, other: &PyBackedBytes) -> bool {
        self.as_slice() == other.deref()
    }
}

impl<const N: usize> PartialEq<[u8; N]> for PyBackedBytes {
    fn eq(&self, other: &[u8; N]) -> bool {
        self.deref() == other
    }
}

impl<const N: usize> PartialEq<&[u8; N]> for PyBackedBytes {
    fn eq(&self, other: &&[u8; N]) -> bool {
        self.deref() == *other
    }
}

impl<const N: usize> PartialEq<PyBackedBytes> for [u8; N] {
    fn eq(&self, other: &PyBackedBytes) -> bool {
        self == other.deref()
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for PyBackedStr {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, PyErr> {
        let s = obj.cast::<PyString>()?;
        PyBackedStr::try_from(s.to_owned())
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for PyBackedBytes {
    type Error = CastError<'a, 'py>;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        if let Ok(bytes) = obj.cast::<PyBytes>() {
            Ok(PyBackedBytes::from(bytes.to_owned()))
        } else if let Ok(array) = obj.cast::<PyByteArray>() {
            Ok(PyBackedBytes::from(array.to_owned()))
        } else {
            Err(CastError::new(obj, "`bytes` or `bytearray`"))
        }
    }
}

impl<'py> IntoPyObject<'py> for PyBackedStr {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        (&self).into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for &PyBackedStr {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        return Ok(self.storage().bind(py).clone());
        #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
        return Ok(PyString::new(py, self));
    }
}

impl<'py> IntoPyObject<'py> for PyBackedBytes {
    type Target = PyBytes;
    type Output = Bound<'py, PyBytes>;
    type Error = Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        (&self).into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for &PyBackedBytes {
    type Target = PyBytes;
    type Output = Bound<'py, PyBytes>;
    type Error = Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
        Ok(match self.python_storage() {
            Some(b) => b.bind(py).clone(),
            None => PyBytes::new(py, self),
        })
    }
}
