//! What `#[derive(FromPyObject)]` and `#[derive(IntoPyObject)]` expand to: extracting a field
//! by attribute, item or position with the field named in the error (`failed to extract field
//! Foo.bar`, the original error as its cause), defaults for missing attributes and items, the
//! combined error of an enum whose every variant failed, and building dicts and tuples.

use crate::conversion::{FromPyObject, IntoPyObject, IntoPyObjectExt};
use crate::err::{PyErr, PyResult};
use crate::exceptions::{
    PyAttributeError, PyKeyError, PyRecursionError, PyTypeError, PyValueError,
};
use crate::instance::{Bound, BoundObject};
use crate::marker::Python;
pub use crate::sync::Interned;
use crate::types::{
    PyAny, PyAnyMethods, PyDictMethods, PyString, PyStringMethods, PyTupleMethods, PyTypeMethods,
};
/// The `Target`s of derived conversions of structs.
pub use crate::types::{PyDict, PyTuple};
use std::borrow::Cow;

/// Wraps the error of field `field` of `container` (a struct, or `Enum::Variant`). A
/// `RecursionError` (a recursive type nested too deeply) is not a mismatch of this field: it
/// passes through unchanged.
#[cold]
pub fn field_error(py: Python<'_>, container: &str, field: &str, cause: PyErr) -> PyErr {
    if cause.is_instance_of::<PyRecursionError>(py) {
        return cause;
    }
    let err = PyTypeError::new_err(format!("failed to extract field {container}.{field}"));
    err.set_cause(py, Some(cause));
    err
}

/// Extracts `T` from `value`, naming the field on failure.
#[inline]
pub fn extract_field<'py, T>(value: &Bound<'py, PyAny>, container: &str, field: &str) -> PyResult<T>
where
    T: for<'a> FromPyObject<'a, 'py>,
{
    value.extract::<T>().map_err(|e| field_error(value.py(), container, field, e.into()))
}

/// `obj.<attr>` (or `None` if it is missing and the field has a default). As in PyO3, a failed
/// lookup raises its own error (`AttributeError`), unwrapped; only the value's extraction names
/// the field. `attr` is interned once per call site by the macro output.
#[inline]
pub fn get_attr<'py>(
    obj: &Bound<'py, PyAny>,
    attr: &Bound<'py, PyString>,
    has_default: bool,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    match obj.getattr(attr) {
        Ok(v) => Ok(Some(v)),
        Err(e) if has_default && e.is_instance_of::<PyAttributeError>(obj.py()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `obj[key]` (or `None` if it is missing and the field has a default); a failed lookup raises
/// its own error (`KeyError`, `TypeError`), as in PyO3.
pub fn get_item<'py, K: IntoPyObject<'py>>(
    obj: &Bound<'py, PyAny>,
    key: K,
    has_default: bool,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    match obj.get_item(key) {
        Ok(v) => Ok(Some(v)),
        Err(e) if has_default && e.is_instance_of::<PyKeyError>(obj.py()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The tuple a tuple struct is extracted from, checked to have `len` items (`ValueError`
/// otherwise, as for a Rust tuple; not a tuple at all is a `TypeError`).
pub fn tuple_of_len<'py>(obj: &Bound<'py, PyAny>, len: usize) -> PyResult<Bound<'py, PyTuple>> {
    let tuple = obj.cast::<PyTuple>().map_err(PyErr::from)?;
    if tuple.len() != len {
        return Err(PyValueError::new_err(format!(
            "expected tuple of length {len}, but got tuple of length {}",
            tuple.len()
        )));
    }
    Ok(tuple.clone())
}

/// Item `index` of a tuple checked by [`tuple_of_len`].
pub fn tuple_item<'py>(tuple: &Bound<'py, PyTuple>, index: usize) -> PyResult<Bound<'py, PyAny>> {
    tuple.get_item(index)
}

/// The error of an enum none of whose variants matched: a `TypeError` listing each variant's
/// error (`failed to extract enum Foo ('A | B')` then one `- variant A (A): ...` line each, the
/// error followed by its whole `__cause__` chain, so a nested enum's lines appear inline);
/// a variant's `RecursionError` is raised as it is (no variant can match at that depth).
#[cold]
pub fn enum_error(
    py: Python<'_>,
    name: &str,
    labels: &[&str],
    variants: &[&str],
    errors: Vec<PyErr>,
) -> PyErr {
    if let Some(i) = errors.iter().position(|e| e.is_instance_of::<PyRecursionError>(py)) {
        return errors.into_iter().nth(i).unwrap_or_else(|| unreachable!("position is in range"));
    }
    let mut message = format!("failed to extract enum {name} ('{}')", labels.join(" | "));
    for ((variant, label), err) in variants.iter().zip(labels).zip(&errors) {
        message.push_str(&format!("\n- variant {variant} ({label}): {}", with_causes(py, err)));
    }
    PyTypeError::new_err(message)
}

/// `Type: message, caused by Type: message, ...` down the `__cause__` chain (a cycle is
/// followed once round).
fn with_causes(py: Python<'_>, err: &PyErr) -> String {
    let mut text = describe(py, err);
    let mut seen = vec![err.value(py).clone()];
    let mut next = err.cause(py);
    while let Some(cause) = next {
        let value = cause.value(py).clone();
        if seen.iter().any(|s| s.is(&value)) {
            break;
        }
        text.push_str(", caused by ");
        text.push_str(&describe(py, &cause));
        next = cause.cause(py);
        seen.push(value);
    }
    text
}

/// `Type: message` of one exception (the colon kept when the message is empty).
fn describe(py: Python<'_>, err: &PyErr) -> String {
    let value = err.value(py);
    let ty = match value.get_type().qualname() {
        Ok(name) => name.to_string_lossy().into_owned(),
        Err(_) => String::from("<unknown exception type>"),
    };
    match value.str() {
        Ok(message) => format!("{ty}: {}", message.to_string_lossy()),
        Err(_) => format!("{ty}: <exception str() failed>"),
    }
}

/// Converts a transparent struct's field for `#[derive(IntoPyObject)]`, keeping its output
/// and error types.
#[inline]
pub fn into_pyobject<'py, T: IntoPyObject<'py>>(
    py: Python<'py>,
    value: T,
) -> Result<T::Output, T::Error> {
    value.into_pyobject(py)
}

/// An owned field as the `Cow` an `into_py_with` function takes (`#[derive(IntoPyObject)]`).
#[inline]
pub fn cow_owned<'a, T: Clone>(value: T) -> Cow<'a, T> {
    Cow::Owned(value)
}

/// A borrowed field as the `Cow` an `into_py_with` function takes
/// (`#[derive(IntoPyObjectRef)]`).
#[inline]
pub fn cow_borrowed<T: Clone>(value: &T) -> Cow<'_, T> {
    Cow::Borrowed(value)
}

/// Converts a field for `#[derive(IntoPyObject)]`.
#[inline]
pub fn into_any<'py, T: IntoPyObject<'py>>(
    py: Python<'py>,
    value: T,
) -> PyResult<Bound<'py, PyAny>> {
    value.into_bound_py_any(py)
}

/// A new dict, for structs with named fields.
#[inline]
pub fn new_dict(py: Python<'_>) -> Bound<'_, PyDict> {
    PyDict::new(py)
}

/// `dict[key] = value`.
#[inline]
pub fn set_item<'py, K: IntoPyObject<'py>, V: IntoPyObject<'py>>(
    dict: &Bound<'py, PyDict>,
    key: K,
    value: V,
) -> PyResult<()> {
    dict.set_item(key, value)
}

/// A tuple of the converted fields.
#[inline]
pub fn new_tuple<'py, const N: usize>(
    py: Python<'py>,
    items: [Bound<'py, PyAny>; N],
) -> PyResult<Bound<'py, PyTuple>> {
    PyTuple::new(py, items)
}

/// The result of a conversion as a `Bound<PyAny>`.
#[inline]
pub fn output<'py, O: BoundObject<'py, T>, T>(output: O) -> Bound<'py, PyAny> {
    output.into_any().into_bound()
}
