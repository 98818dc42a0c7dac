//! Shared state for `test_free_threaded.py`: what many threads hit at once on a free-threaded
//! build (pyclass borrow flags, atomics in a frozen class, `PyOnceLock`, `intern!`, a lazily
//! created type object, plain module functions).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyList;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// Functions and classes exercised by `test_free_threaded.py`.
#[pymodule]
pub mod threads {
    use super::*;

    #[pymodule_export]
    use super::{AtomicCounter, MutCounter};

    /// How often the `PyOnceLock` initializer of [`shared_list`] has run (must stay 1).
    static INITS: AtomicUsize = AtomicUsize::new(0);
    static SHARED: PyOnceLock<Py<PyList>> = PyOnceLock::new();

    /// The one list behind a `PyOnceLock`, created on first use.
    #[pyfunction]
    fn shared_list(py: Python<'_>) -> Py<PyList> {
        SHARED
            .get_or_init(py, || {
                INITS.fetch_add(1, Ordering::SeqCst);
                // Widen the race window: other threads arrive while this one initializes.
                std::thread::sleep(std::time::Duration::from_millis(20));
                PyList::empty(py).unbind()
            })
            .clone_ref(py)
    }

    /// How many times [`shared_list`]'s initializer ran.
    #[pyfunction]
    fn init_count() -> usize {
        INITS.load(Ordering::SeqCst)
    }

    /// The same interned string on every call and thread.
    #[pyfunction]
    fn interned(py: Python<'_>) -> Bound<'_, pyo3::types::PyString> {
        pyo3::intern!(py, "pyroxide-free-threaded").clone()
    }

    /// A [`LazyType`] instance: the class is not exported, so its type object is created by
    /// whichever thread calls this first.
    #[pyfunction]
    fn make_lazy(py: Python<'_>, value: u64) -> PyResult<Py<LazyType>> {
        Py::new(py, LazyType { value })
    }

    /// `a + b`, checked.
    #[pyfunction]
    fn add(a: u64, b: u64) -> PyResult<u64> {
        a.checked_add(b).ok_or_else(|| pyo3::exceptions::PyOverflowError::new_err("overflow"))
    }
}

/// A counter behind the pyclass borrow flag: concurrent `incr` calls either get the mutable
/// borrow or fail with `RuntimeError` (already borrowed), never both succeed.
#[pyclass(module = "pyroxide_ext.threads")]
pub struct MutCounter {
    #[pyo3(get)]
    count: u64,
}

#[pymethods]
impl MutCounter {
    #[new]
    fn new() -> Self {
        MutCounter { count: 0 }
    }

    /// Adds one and returns the new count.
    fn incr(&mut self) -> u64 {
        self.count += 1;
        self.count
    }
}

/// A frozen class counting with an atomic: no borrow flag, every call succeeds.
#[pyclass(frozen, module = "pyroxide_ext.threads")]
pub struct AtomicCounter {
    count: AtomicU64,
}

#[pymethods]
impl AtomicCounter {
    #[new]
    fn new() -> Self {
        AtomicCounter { count: AtomicU64::new(0) }
    }

    /// Adds one and returns the new count.
    fn incr(&self) -> u64 {
        self.count.fetch_add(1, Ordering::Relaxed) + 1
    }

    #[getter]
    fn count(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }
}

/// A class first touched by many threads at once (its type object is created lazily).
#[pyclass(frozen, module = "pyroxide_ext.threads")]
pub struct LazyType {
    #[pyo3(get)]
    value: u64,
}
