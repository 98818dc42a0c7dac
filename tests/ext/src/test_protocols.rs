//! Class protocols for `test_protocols.py`: a vector with arithmetic, reflected, in-place and
//! unary operators and comparisons; a mapping with item assignment and deletion and attribute
//! hooks; a descriptor; an async iterator and an awaitable; a class with `__init__` meant to be
//! subclassed, and a property with a deleter.

use pyo3::exceptions::{PyAttributeError, PyKeyError};
use pyo3::prelude::*;
use std::collections::BTreeMap;

/// Class protocols exercised by `test_protocols.py`.
#[pymodule]
pub mod protocols {
    #[pymodule_export]
    use super::{Countdown, Fib, Letters, Record, Registry, Squares, Typed, Vec2};
}

/// A 2-vector.
#[pyclass(module = "pyroxide_ext.protocols", from_py_object)]
#[derive(Clone, Copy, PartialEq)]
pub struct Vec2 {
    #[pyo3(get)]
    x: f64,
    #[pyo3(get)]
    y: f64,
}

#[pymethods]
impl Vec2 {
    #[new]
    fn new(x: f64, y: f64) -> Self {
        Vec2 { x, y }
    }
    fn __repr__(&self) -> String {
        format!("Vec2({:?}, {:?})", self.x, self.y)
    }
    fn __add__(&self, o: Vec2) -> Vec2 {
        Vec2 { x: self.x + o.x, y: self.y + o.y }
    }
    fn __sub__(&self, o: Vec2) -> Vec2 {
        Vec2 { x: self.x - o.x, y: self.y - o.y }
    }
    fn __mul__(&self, k: f64) -> Vec2 {
        Vec2 { x: self.x * k, y: self.y * k }
    }
    fn __rmul__(&self, k: f64) -> Vec2 {
        self.__mul__(k)
    }
    fn __matmul__(&self, o: Vec2) -> f64 {
        self.x * o.x + self.y * o.y
    }
    fn __truediv__(&self, k: f64) -> Vec2 {
        Vec2 { x: self.x / k, y: self.y / k }
    }
    fn __rtruediv__(&self, k: f64) -> Vec2 {
        Vec2 { x: k / self.x, y: k / self.y }
    }
    fn __pow__(&self, e: i32, _modulo: Option<i32>) -> Vec2 {
        Vec2 { x: self.x.powi(e), y: self.y.powi(e) }
    }
    fn __iadd__(&mut self, o: Vec2) {
        self.x += o.x;
        self.y += o.y;
    }
    fn __imul__(&mut self, k: f64) {
        self.x *= k;
        self.y *= k;
    }
    fn __neg__(&self) -> Vec2 {
        Vec2 { x: -self.x, y: -self.y }
    }
    fn __abs__(&self) -> f64 {
        self.x.hypot(self.y)
    }
    fn __float__(&self) -> f64 {
        self.__abs__()
    }
    fn __bool__(&self) -> bool {
        self.x != 0.0 || self.y != 0.0
    }
    fn __eq__(&self, o: Vec2) -> bool {
        *self == o
    }
    fn __lt__(&self, o: Vec2) -> bool {
        self.__abs__() < o.__abs__()
    }
}

/// A string-keyed registry: `r[k] = v`, `del r[k]`, dynamic attributes.
#[pyclass(mapping, module = "pyroxide_ext.protocols")]
#[derive(Default)]
pub struct Registry {
    items: BTreeMap<String, Py<PyAny>>,
    attrs: BTreeMap<String, i64>,
}

#[pymethods]
impl Registry {
    #[new]
    fn new() -> Self {
        Registry::default()
    }
    fn __len__(&self) -> usize {
        self.items.len()
    }
    fn __getitem__(&self, py: Python<'_>, key: String) -> PyResult<Py<PyAny>> {
        self.items
            .get(&key)
            .map(|v| v.clone_ref(py))
            .ok_or_else(|| PyKeyError::new_err(key.clone()))
    }
    fn __setitem__(&mut self, key: String, value: Py<PyAny>) {
        self.items.insert(key, value);
    }
    fn __delitem__(&mut self, key: String) -> PyResult<()> {
        self.items.remove(&key).map(drop).ok_or_else(|| PyKeyError::new_err(key))
    }
    fn __contains__(&self, key: String) -> bool {
        self.items.contains_key(&key)
    }
    fn __getattr__(&self, name: String) -> PyResult<i64> {
        self.attrs.get(&name).copied().ok_or_else(|| PyAttributeError::new_err(name))
    }
    fn __setattr__(&mut self, name: String, value: i64) {
        self.attrs.insert(name, value);
    }
    fn __delattr__(&mut self, name: String) -> PyResult<()> {
        self.attrs.remove(&name).map(drop).ok_or_else(|| PyAttributeError::new_err(name))
    }
    fn keys(&self) -> Vec<String> {
        self.items.keys().cloned().collect()
    }
}

/// A descriptor storing an int per owner instance in the instance's `__dict__`.
#[pyclass(module = "pyroxide_ext.protocols")]
pub struct Typed {
    name: String,
}

#[pymethods]
impl Typed {
    #[new]
    fn new(name: String) -> Self {
        Typed { name }
    }
    fn __get__<'py>(
        slf: Bound<'py, Self>,
        instance: Option<Bound<'py, PyAny>>,
        _owner: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        match instance {
            None => Ok(slf.into_any()),
            Some(inst) => {
                let key = slf.borrow().name.clone();
                inst.getattr("__dict__")?.get_item(key)
            }
        }
    }
    fn __set__(&self, instance: Bound<'_, PyAny>, value: i64) -> PyResult<()> {
        instance.getattr("__dict__")?.set_item(&self.name, value)
    }
    fn __delete__(&self, instance: Bound<'_, PyAny>) -> PyResult<()> {
        instance.getattr("__dict__")?.del_item(&self.name)
    }
}

/// Counts down asynchronously: `async for` yields n-1 … 0; `await` gives `n`.
#[pyclass(module = "pyroxide_ext.protocols")]
pub struct Countdown {
    n: u32,
}

#[pymethods]
impl Countdown {
    #[new]
    fn new(n: u32) -> Self {
        Countdown { n }
    }
    fn __aiter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }
    fn __anext__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        if self.n == 0 {
            return Ok(None);
        }
        self.n -= 1;
        let sleep = py.import("asyncio")?.getattr("sleep")?;
        Ok(Some(sleep.call1((0, self.n))?))
    }
    fn __await__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let sleep = py.import("asyncio")?.getattr("sleep")?;
        sleep.call1((0, self.n))?.call_method0("__await__")
    }
}

/// Fibonacci numbers up to a limit: `__next__` returns a plain `PyResult<u64>` and ends the
/// iteration by raising `StopIteration` with a value.
#[pyclass(module = "pyroxide_ext.protocols")]
pub struct Fib {
    a: u64,
    b: u64,
    limit: u64,
}

#[pymethods]
impl Fib {
    #[new]
    fn new(limit: u64) -> Self {
        Fib { a: 0, b: 1, limit }
    }
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }
    fn __next__(&mut self) -> PyResult<u64> {
        if self.a > self.limit {
            return Err(pyo3::exceptions::PyStopIteration::new_err("done"));
        }
        let a = self.a;
        (self.a, self.b) = (self.b, self.a + self.b);
        Ok(a)
    }
}

/// Squares forever: `__next__` returns a plain value, never `None`.
#[pyclass(module = "pyroxide_ext.protocols")]
pub struct Squares {
    i: u64,
}

#[pymethods]
impl Squares {
    #[new]
    fn new() -> Self {
        Squares { i: 0 }
    }
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }
    fn __next__(&mut self) -> Option<u64> {
        self.i += 1;
        Some(self.i * self.i)
    }
}

/// A sequence with only `__len__`, `__getitem__` and `__setitem__`: iteration, `reversed()`
/// and `PySequence_*` go through the `sq_item`/`sq_ass_item` made from them.
#[pyclass(sequence, module = "pyroxide_ext.protocols")]
pub struct Letters {
    text: Vec<char>,
}

#[pymethods]
impl Letters {
    #[new]
    fn new(text: String) -> Self {
        Letters { text: text.chars().collect() }
    }
    fn __len__(&self) -> usize {
        self.text.len()
    }
    fn __getitem__(&self, index: isize) -> PyResult<char> {
        let i = if index < 0 { index + self.text.len() as isize } else { index };
        usize::try_from(i)
            .ok()
            .and_then(|i| self.text.get(i).copied())
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err("Letters index out of range"))
    }
    fn __setitem__(&mut self, index: usize, value: char) -> PyResult<()> {
        match self.text.get_mut(index) {
            Some(slot) => {
                *slot = value;
                Ok(())
            }
            None => Err(pyo3::exceptions::PyIndexError::new_err("Letters index out of range")),
        }
    }
}

/// Initialised by `__init__` (after a permissive `#[new]`), with a deletable `note`.
#[pyclass(subclass, module = "pyroxide_ext.protocols")]
pub struct Record {
    #[pyo3(get)]
    id: i64,
    note: Option<String>,
}

#[pymethods]
impl Record {
    #[new]
    #[pyo3(signature = (*_args, **_kwargs))]
    fn new(
        _args: &Bound<'_, pyo3::types::PyTuple>,
        _kwargs: Option<&Bound<'_, pyo3::types::PyDict>>,
    ) -> Self {
        Record { id: -1, note: None }
    }
    #[pyo3(signature = (id, note = None))]
    fn __init__(&mut self, id: i64, note: Option<String>) {
        self.id = id;
        self.note = note;
    }
    #[getter]
    fn note(&self) -> Option<String> {
        self.note.clone()
    }
    #[setter]
    fn set_note(&mut self, note: String) {
        self.note = Some(note);
    }
    #[deleter]
    fn delete_note(&mut self) -> PyResult<()> {
        match self.note.take() {
            Some(_) => Ok(()),
            None => Err(PyAttributeError::new_err("note already deleted")),
        }
    }
}
