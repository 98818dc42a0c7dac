//! `#[pyclass(extends = <native type>)]` for `test_native_bases.py`: classes that extend
//! `dict`, `set`, `float` and exceptions with their own fields (not available under the
//! limited API, like PyO3).

#[cfg(not(feature = "graalpy"))]
use pyo3::exceptions::PyOSError;
use pyo3::exceptions::{PyException, PyKeyError};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
#[cfg(not(feature = "graalpy"))]
use pyo3::types::{PyDict, PyFloat, PySet};
#[cfg(not(feature = "graalpy"))]
use std::collections::HashMap;

/// Classes with native bases.
#[pymodule]
pub mod native_bases {
    #[pymodule_export]
    use super::{AppError, LookupFailed};
    #[cfg(not(feature = "graalpy"))]
    #[pymodule_export]
    use super::{CountingDict, Measured, TaggedSet, WithErrno};
}

#[cfg(not(feature = "graalpy"))]
/// A dict that counts the calls of `set` per key.
#[pyclass(extends = PyDict, subclass, module = "pyroxide_ext.native_bases")]
#[derive(Default)]
pub struct CountingDict {
    counts: HashMap<String, usize>,
}

#[cfg(not(feature = "graalpy"))]
#[pymethods]
impl CountingDict {
    #[new]
    #[pyo3(signature = (*_args, **_kwargs))]
    fn new(_args: &Bound<'_, PyTuple>, _kwargs: Option<&Bound<'_, PyDict>>) -> Self {
        CountingDict::default()
    }

    fn set(slf: &Bound<'_, Self>, key: String, value: Bound<'_, PyAny>) -> PyResult<()> {
        *slf.borrow_mut().counts.entry(key.clone()).or_insert(0) += 1;
        slf.as_super().set_item(key, value)
    }

    fn count(&self, key: &str) -> usize {
        self.counts.get(key).copied().unwrap_or(0)
    }

    /// The dict part's length, read through the base type.
    fn total(slf: &Bound<'_, Self>) -> usize {
        slf.as_super().len()
    }
}

#[cfg(not(feature = "graalpy"))]
/// A set with a tag.
#[pyclass(extends = PySet, module = "pyroxide_ext.native_bases")]
pub struct TaggedSet {
    #[pyo3(get, set)]
    tag: String,
}

#[cfg(not(feature = "graalpy"))]
#[pymethods]
impl TaggedSet {
    #[new]
    fn new(tag: String) -> Self {
        TaggedSet { tag }
    }
}

#[cfg(not(feature = "graalpy"))]
/// A float with a unit; the float part is 0.0 (a native base is made without arguments).
#[pyclass(extends = PyFloat, module = "pyroxide_ext.native_bases")]
pub struct Measured {
    #[pyo3(get)]
    unit: String,
}

#[cfg(not(feature = "graalpy"))]
#[pymethods]
impl Measured {
    #[new]
    fn new(unit: String) -> Self {
        Measured { unit }
    }
}

/// An exception class with a Rust field.
#[pyclass(extends = PyException, module = "pyroxide_ext.native_bases")]
pub struct AppError {
    #[pyo3(get)]
    code: u32,
}

#[pymethods]
impl AppError {
    #[new]
    #[pyo3(signature = (code, *_args))]
    fn new(code: u32, _args: &Bound<'_, PyTuple>) -> Self {
        AppError { code }
    }

    fn describe(slf: &Bound<'_, Self>) -> PyResult<String> {
        let args = slf.as_super().getattr("args")?;
        Ok(format!("code {}: {}", slf.borrow().code, args.repr()?))
    }
}

/// A `KeyError` carrying the missing key's length.
#[pyclass(extends = PyKeyError, module = "pyroxide_ext.native_bases")]
pub struct LookupFailed {
    #[pyo3(get)]
    key_len: usize,
}

#[pymethods]
impl LookupFailed {
    #[new]
    fn new(key: String) -> Self {
        LookupFailed { key_len: key.len() }
    }
}

#[cfg(not(feature = "graalpy"))]
/// An `OSError` (whose C struct is larger than `BaseException`'s) with a Rust field.
#[pyclass(extends = PyOSError, module = "pyroxide_ext.native_bases")]
pub struct WithErrno {
    #[pyo3(get)]
    label: String,
}

#[cfg(not(feature = "graalpy"))]
#[pymethods]
impl WithErrno {
    #[new]
    #[pyo3(signature = (label, *_args))]
    fn new(label: String, _args: &Bound<'_, PyTuple>) -> Self {
        WithErrno { label }
    }
}
