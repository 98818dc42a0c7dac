//! The reliability suite's Rust side (`test_panics.py`, `test_adversarial.py`,
//! `test_threads.py`, `tests/reliability/leaks.py`): a class whose every wrapper kind can be
//! told to raise or panic, a deliberately leaking function, thread and lifecycle helpers.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pyclass::{CompareOp, PyTraverseError, PyVisit};
use pyo3::sync::{MutexExt, PyOnceLock};
use pyo3::types::PyTuple;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// A class with one member of every wrapper kind. `mode` is `""` or `"<path>:<kind>"`, path
/// `raise` (a `ValueError`) or `panic`, kind the member that fails (`new`, `init`, `method`,
/// `getter`, `setter`, `repr`, `hash`, `richcmp`, `iter`, `next`, `len`, `getitem`, `call`,
/// `add`, `traverse`, `drop`); `mode` itself is a plain field with a getter and a setter.
#[pyclass(subclass, module = "pyroxide_ext.reliability")]
pub struct Fragile {
    #[pyo3(get, set)]
    mode: String,
    value: i64,
    payload: Option<Py<PyAny>>,
}

impl Fragile {
    fn trip(&self, kind: &str) -> PyResult<()> {
        trip(&self.mode, kind)
    }
}

fn trip(mode: &str, kind: &str) -> PyResult<()> {
    match mode.split_once(':') {
        Some(("panic", k)) if k == kind => panic!("{kind} panicked"),
        Some(("raise", k)) if k == kind => Err(PyValueError::new_err(format!("{kind} raised"))),
        _ => Ok(()),
    }
}

#[pymethods]
impl Fragile {
    #[new]
    #[pyo3(signature = (mode = String::new(), value = 0, payload = None))]
    fn new(mode: String, value: i64, payload: Option<Py<PyAny>>) -> PyResult<Self> {
        trip(&mode, "new")?;
        Ok(Fragile { mode, value, payload })
    }

    #[pyo3(signature = (mode = String::new(), value = 0, payload = None))]
    fn __init__(&mut self, mode: String, value: i64, payload: Option<Py<PyAny>>) -> PyResult<()> {
        let _ = (value, payload);
        trip(&mode, "init")
    }

    /// Returns `value + x`.
    fn method(&self, x: i64) -> PyResult<i64> {
        self.trip("method")?;
        Ok(self.value + x)
    }

    /// Increments `value` (a `&mut self` method).
    fn bump(&mut self) -> i64 {
        self.value += 1;
        self.value
    }

    /// Calls `f` while `self` is mutably borrowed.
    fn reenter_mut(&mut self, f: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        self.value += 1;
        f.call0().map(Bound::unbind)
    }

    #[getter]
    fn value(&self) -> PyResult<i64> {
        self.trip("getter")?;
        Ok(self.value)
    }

    #[setter]
    fn set_value(&mut self, value: i64) -> PyResult<()> {
        self.trip("setter")?;
        self.value = value;
        Ok(())
    }

    #[classattr]
    const KINDS: &'static str = "new init method getter setter repr hash richcmp iter next \
                                 len getitem call add traverse drop";

    fn __repr__(&self) -> PyResult<String> {
        self.trip("repr")?;
        Ok(format!("Fragile({})", self.value))
    }

    fn __hash__(&self) -> PyResult<u64> {
        self.trip("hash")?;
        Ok(self.value as u64)
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<bool> {
        self.trip("richcmp")?;
        Ok(op.matches(self.value.cmp(&other.extract::<i64>()?)))
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyResult<PyRef<'_, Self>> {
        slf.trip("iter")?;
        Ok(slf)
    }

    fn __next__(&mut self) -> PyResult<Option<i64>> {
        self.trip("next")?;
        Ok((self.value > 0).then(|| {
            self.value -= 1;
            self.value + 1
        }))
    }

    fn __len__(&self) -> PyResult<usize> {
        self.trip("len")?;
        Ok(self.value.max(0) as usize)
    }

    fn __getitem__(&self, i: i64) -> PyResult<i64> {
        self.trip("getitem")?;
        Ok(self.value * i)
    }

    #[pyo3(signature = (*args))]
    fn __call__(&self, args: &Bound<'_, PyTuple>) -> PyResult<usize> {
        self.trip("call")?;
        Ok(args.len())
    }

    fn __add__(&self, other: i64) -> PyResult<i64> {
        self.trip("add")?;
        Ok(self.value + other)
    }

    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        if self.mode == "panic:traverse" {
            panic!("traverse panicked");
        }
        visit.call(&self.payload)
    }

    fn __clear__(&mut self) {
        self.payload = None;
    }
}

impl Drop for Fragile {
    fn drop(&mut self) {
        if self.mode == "panic:drop" {
            panic!("drop panicked");
        }
    }
}

/// A class named like `Fragile` in another module, for wrong-receiver tests.
#[pyclass(name = "Fragile", module = "pyroxide_ext.reliability.other")]
pub struct OtherFragile {}

#[pymethods]
impl OtherFragile {
    #[new]
    fn new() -> Self {
        OtherFragile {}
    }
}

/// Takes a reference to `obj` and never gives it back: the leak sweep must report it.
#[pyfunction]
pub fn leak_one(obj: &Bound<'_, PyAny>) {
    std::mem::forget(obj.clone());
}

/// A panic payload whose `Drop` panics again with such a payload, `depth` times.
struct PanicBomb(u32);

impl Drop for PanicBomb {
    fn drop(&mut self) {
        if self.0 > 0 {
            std::panic::panic_any(PanicBomb(self.0 - 1));
        }
    }
}

/// Panics with a payload whose drop panics `depth` more times.
#[pyfunction]
pub fn panic_bomb(depth: u32) {
    std::panic::panic_any(PanicBomb(depth));
}

/// The lock `Hammer::locked` holds across `detach`.
static HAMMER_LOCK: Mutex<u64> = Mutex::new(0);

/// A counter for threads: `&mut self` methods and a Rust `Mutex` held across `detach`.
#[pyclass(module = "pyroxide_ext.reliability")]
#[derive(Default)]
pub struct Hammer {
    #[pyo3(get)]
    hits: u64,
}

#[pymethods]
impl Hammer {
    #[new]
    fn new() -> Self {
        Hammer::default()
    }

    /// Counts a hit (`&mut self`).
    fn hit(&mut self) -> u64 {
        self.hits += 1;
        self.hits
    }

    /// Takes `HAMMER_LOCK` (detaching while it waits), then holds it across a `detach`, and
    /// returns the number of times it was taken so far.
    #[staticmethod]
    fn locked(py: Python<'_>) -> u64 {
        let mut guard = HAMMER_LOCK.lock_py_attached(py).unwrap_or_else(|e| e.into_inner());
        let count = &mut *guard;
        py.detach(|| {
            *count += 1;
            std::thread::yield_now();
        });
        *guard
    }
}

static LAZY_MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
static LAZY_INITS: AtomicUsize = AtomicUsize::new(0);

/// Imports `name` the first time any thread calls it (detaching for 20 ms inside the
/// initialiser to widen the race); returns the module's name and how many times the
/// initialiser ran.
#[pyfunction]
pub fn lazy_import(py: Python<'_>, name: String) -> PyResult<(String, usize)> {
    let module = LAZY_MODULE.get_or_try_init(py, || {
        LAZY_INITS.fetch_add(1, Ordering::SeqCst);
        py.detach(|| std::thread::sleep(std::time::Duration::from_millis(20)));
        py.import(name.as_str()).map(Bound::unbind)
    })?;
    Ok((module.bind(py).name()?.to_string(), LAZY_INITS.load(Ordering::SeqCst)))
}

/// An `unsendable` class: usable only on the thread that made it.
#[pyclass(unsendable, module = "pyroxide_ext.reliability")]
pub struct Local {
    value: i64,
    _not_send: std::marker::PhantomData<*const ()>,
}

#[pymethods]
impl Local {
    #[new]
    fn new(value: i64) -> Self {
        Local { value, _not_send: std::marker::PhantomData }
    }

    fn get(&self) -> i64 {
        self.value
    }
}

/// Spawns `n` Rust threads that each hold a `Py` clone of `obj` forever; with `attach`, each
/// also attaches every millisecond to read `repr(obj)`.
#[pyfunction]
pub fn spawn_holders(obj: Py<PyAny>, n: usize, attach: bool) {
    for _ in 0..n {
        let obj = Python::attach(|py| obj.clone_ref(py));
        std::thread::spawn(move || loop {
            if attach {
                Python::attach(|py| {
                    let _ = obj.bind(py).repr();
                });
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        });
    }
}

/// Helpers of the reliability suite.
#[pymodule]
pub mod reliability {
    #[pymodule_export]
    use super::{lazy_import, leak_one, other, panic_bomb, spawn_holders, Fragile, Hammer, Local};
}

/// A module with another class named `Fragile`.
#[pymodule]
pub mod other {
    #[pymodule_export]
    use super::OtherFragile;
}
