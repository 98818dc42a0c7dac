//! [`PySequence`], any object that is a `collections.abc.Sequence`, with the sequence protocol
//! in [`PySequenceMethods`].

use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi::api;
use crate::instance::{Bound, BoundObject, DerefToPyAny, Py};
use crate::marker::Python;
use crate::sync::PyOnceLock;
use crate::type_object::{PyTypeCheck, PyTypeInfo};
use crate::types::{PyAny, PyAnyMethods, PyList, PyTuple, PyType};

/// Any sequence: an instance of `collections.abc.Sequence` (`list` and `tuple` are recognised
/// without asking the ABC; other types must inherit from it or be registered, see
/// [`PySequence::register`]).
#[repr(transparent)]
pub struct PySequence(PyAny);

impl DerefToPyAny for PySequence {}

fn sequence_abc(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static SEQUENCE_ABC: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    SEQUENCE_ABC.import(py, "collections.abc", "Sequence")
}

impl PyTypeCheck for PySequence {
    const NAME: &'static str = "Sequence";
    fn type_check(object: &Bound<'_, PyAny>) -> bool {
        if PyList::is_type_of(object) || PyTuple::is_type_of(object) {
            return true;
        }
        sequence_abc(object.py()).and_then(|abc| object.is_instance(abc)).unwrap_or_else(|e| {
            e.write_unraisable(object.py(), Some(object));
            false
        })
    }
}

impl PySequence {
    /// Registers `T` as a virtual subclass of `collections.abc.Sequence`, so that its instances
    /// cast to `PySequence`.
    pub fn register<T: PyTypeInfo>(py: Python<'_>) -> PyResult<()> {
        let ty = T::type_object(py);
        sequence_abc(py)?.call_method1("register", (ty,))?;
        Ok(())
    }
}

fn object<'py, V: IntoPyObject<'py>>(py: Python<'py>, v: V) -> PyResult<Bound<'py, PyAny>> {
    Ok(v.into_pyobject(py).map_err(Into::into)?.into_any().into_bound())
}

/// Methods of sequences (the abstract sequence protocol).
pub trait PySequenceMethods<'py> {
    /// `len(self)`.
    fn len(&self) -> PyResult<usize>;
    /// `len(self) == 0`.
    fn is_empty(&self) -> PyResult<bool>;
    /// `self + other`.
    fn concat(&self, other: &Bound<'_, PySequence>) -> PyResult<Bound<'py, PySequence>>;
    /// `self * count`.
    fn repeat(&self, count: usize) -> PyResult<Bound<'py, PySequence>>;
    /// `self += other` (in place for mutable sequences); the result.
    fn in_place_concat(&self, other: &Bound<'_, PySequence>) -> PyResult<Bound<'py, PySequence>>;
    /// `self *= count` (in place for mutable sequences); the result.
    fn in_place_repeat(&self, count: usize) -> PyResult<Bound<'py, PySequence>>;
    /// `self[index]`.
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>>;
    /// `self[begin:end]`.
    fn get_slice(&self, begin: usize, end: usize) -> PyResult<Bound<'py, PySequence>>;
    /// `self[index] = item`.
    fn set_item<I: IntoPyObject<'py>>(&self, index: usize, item: I) -> PyResult<()>;
    /// `del self[index]`.
    fn del_item(&self, index: usize) -> PyResult<()>;
    /// `self[begin:end] = value`.
    fn set_slice(&self, begin: usize, end: usize, value: &Bound<'_, PyAny>) -> PyResult<()>;
    /// `del self[begin:end]`.
    fn del_slice(&self, begin: usize, end: usize) -> PyResult<()>;
    /// `self.count(value)` (not on PyPy, which lacks `PySequence_Count`).
    #[cfg(not(PyPy))]
    fn count<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<usize>;
    /// `value in self`.
    fn contains<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<bool>;
    /// `self.index(value)`; `ValueError` if absent.
    fn index<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<usize>;
    /// `list(self)`.
    fn to_list(&self) -> PyResult<Bound<'py, PyList>>;
    /// `tuple(self)`.
    fn to_tuple(&self) -> PyResult<Bound<'py, PyTuple>>;
}

impl<'py> PySequenceMethods<'py> for Bound<'py, PySequence> {
    fn len(&self) -> PyResult<usize> {
        api::sequence_len(self)
    }
    fn is_empty(&self) -> PyResult<bool> {
        self.len().map(|n| n == 0)
    }
    fn concat(&self, other: &Bound<'_, PySequence>) -> PyResult<Bound<'py, PySequence>> {
        api::sequence_concat(self, other.as_any())
    }
    fn repeat(&self, count: usize) -> PyResult<Bound<'py, PySequence>> {
        api::sequence_repeat(self, count)
    }
    fn in_place_concat(&self, other: &Bound<'_, PySequence>) -> PyResult<Bound<'py, PySequence>> {
        api::sequence_in_place_concat(self, other.as_any())
    }
    fn in_place_repeat(&self, count: usize) -> PyResult<Bound<'py, PySequence>> {
        api::sequence_in_place_repeat(self, count)
    }
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>> {
        api::sequence_get_item(self, index)
    }
    fn get_slice(&self, begin: usize, end: usize) -> PyResult<Bound<'py, PySequence>> {
        api::sequence_get_slice(self, begin, end)
    }
    fn set_item<I: IntoPyObject<'py>>(&self, index: usize, item: I) -> PyResult<()> {
        api::sequence_set_item(self, index, &object(self.py(), item)?)
    }
    fn del_item(&self, index: usize) -> PyResult<()> {
        api::sequence_del_item(self, index)
    }
    fn set_slice(&self, begin: usize, end: usize, value: &Bound<'_, PyAny>) -> PyResult<()> {
        api::sequence_set_slice(self, begin, end, value)
    }
    fn del_slice(&self, begin: usize, end: usize) -> PyResult<()> {
        api::sequence_del_slice(self, begin, end)
    }
    #[cfg(not(PyPy))]
    fn count<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<usize> {
        api::sequence_count(self, &object(self.py(), value)?)
    }
    fn contains<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<bool> {
        api::sequence_contains(self, &object(self.py(), value)?)
    }
    fn index<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<usize> {
        api::sequence_index(self, &object(self.py(), value)?)
    }
    fn to_list(&self) -> PyResult<Bound<'py, PyList>> {
        Ok(api::cast_bound(api::sequence_list(self)?))
    }
    fn to_tuple(&self) -> PyResult<Bound<'py, PyTuple>> {
        Ok(api::cast_bound(api::sequence_tuple(self)?))
    }
}
