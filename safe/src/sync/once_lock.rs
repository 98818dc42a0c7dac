//! [`PyOnceLock`]: a [`std::sync::OnceLock`] that detaches from the interpreter while it waits
//! for another thread's initialization (an initialization lock, taken detached, serializes the
//! initializers).

use crate::err::PyResult;
use crate::instance::{Bound, Py};
use crate::marker::Python;
use crate::sync::MutexExt;
use crate::type_object::PyTypeCheck;
use crate::types::{PyAnyMethods, PyModule};
use std::convert::Infallible;
use std::sync::{Mutex, OnceLock, PoisonError};

/// A cell written once, for values initialized while attached to the interpreter (PyO3's
/// `PyOnceLock`), typically a `static` holding a `Py<T>`.
///
/// Unlike a plain `OnceLock`, it cannot deadlock with the interpreter: a thread that finds the
/// cell being initialized by another thread detaches while it waits, so the initializing thread
/// can attach and run Python code. Only one initializer ever runs.
///
/// Initializing the cell re-entrantly (from its own initializer) is an error: it deadlocks or
/// panics, as `OnceLock` does.
///
/// ```
/// use pyroxide::prelude::*;
/// use pyroxide::sync::PyOnceLock;
/// use pyroxide::types::PyList;
///
/// static LIST: PyOnceLock<Py<PyList>> = PyOnceLock::new();
///
/// fn shared_list(py: Python<'_>) -> &Bound<'_, PyList> {
///     LIST.get_or_init(py, || PyList::empty(py).unbind()).bind(py)
/// }
///
/// # Python::initialize(); // embedding without `auto-initialize`
/// Python::attach(|py| {
///     shared_list(py).append(1).unwrap();
///     assert_eq!(shared_list(py).len(), 1);
/// });
/// ```
#[derive(Default)]
pub struct PyOnceLock<T> {
    inner: OnceLock<T>,
    /// Held by the thread running the initializer; the only writer of `inner`.
    init: Mutex<()>,
}

impl<T> PyOnceLock<T> {
    /// An empty cell.
    pub const fn new() -> PyOnceLock<T> {
        PyOnceLock { inner: OnceLock::new(), init: Mutex::new(()) }
    }

    /// The value, if the cell has been initialized.
    #[inline]
    pub fn get(&self, _py: Python<'_>) -> Option<&T> {
        self.inner.get()
    }

    /// The value, initializing the cell with `f` if it is empty. If another thread is running
    /// its initializer, waits (detached) for it. A panic in `f` leaves the cell empty.
    #[inline]
    pub fn get_or_init<F>(&self, py: Python<'_>, f: F) -> &T
    where
        F: FnOnce() -> T,
    {
        match self.inner.get() {
            Some(value) => value,
            None => match self.init(py, || Ok::<T, Infallible>(f())) {
                Ok(value) => value,
                Err(never) => match never {},
            },
        }
    }

    /// Like [`get_or_init`](PyOnceLock::get_or_init) with a fallible initializer: an error
    /// leaves the cell empty and is returned.
    #[inline]
    pub fn get_or_try_init<F, E>(&self, py: Python<'_>, f: F) -> Result<&T, E>
    where
        F: FnOnce() -> Result<T, E>,
    {
        match self.inner.get() {
            Some(value) => Ok(value),
            None => self.init(py, f),
        }
    }

    #[cold]
    fn init<F, E>(&self, py: Python<'_>, f: F) -> Result<&T, E>
    where
        F: FnOnce() -> Result<T, E>,
    {
        // Detached while waiting for another initializer; a panic in an initializer poisons
        // nothing the lock protects (the cell is still empty).
        let _guard = self.init.lock_py_attached(py).unwrap_or_else(PoisonError::into_inner);
        if let Some(value) = self.inner.get() {
            return Ok(value);
        }
        let value = f()?;
        // Only the holder of `init` writes the cell, so this never blocks and never fails.
        Ok(self.inner.get_or_init(|| value))
    }

    /// Sets the value if the cell is empty; otherwise hands `value` back.
    pub fn set(&self, py: Python<'_>, value: T) -> Result<(), T> {
        let mut value = Some(value);
        self.get_or_init(py, || value.take().expect("taken once"));
        match value {
            None => Ok(()),
            Some(value) => Err(value),
        }
    }

    /// The value, mutably (no other reference to the cell exists).
    pub fn get_mut(&mut self) -> Option<&mut T> {
        self.inner.get_mut()
    }

    /// Takes the value out, leaving the cell empty.
    pub fn take(&mut self) -> Option<T> {
        self.inner.take()
    }

    /// The value, consuming the cell.
    pub fn into_inner(self) -> Option<T> {
        self.inner.into_inner()
    }
}

impl<T> PyOnceLock<Py<T>> {
    /// A new cell holding another reference to the same object, if any.
    pub fn clone_ref(&self, py: Python<'_>) -> PyOnceLock<Py<T>> {
        let cell = PyOnceLock::new();
        if let Some(value) = self.get(py) {
            let _ = cell.inner.set(value.clone_ref(py));
        }
        cell
    }
}

impl<T: PyTypeCheck> PyOnceLock<Py<T>> {
    /// `from module_name import attr_name`, cached: the attribute is imported and checked to be
    /// a `T` on first use only.
    ///
    /// ```
    /// use pyroxide::prelude::*;
    /// use pyroxide::sync::PyOnceLock;
    /// use pyroxide::types::PyType;
    ///
    /// static FRACTION: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    ///
    /// # Python::initialize(); // embedding without `auto-initialize`
    /// Python::attach(|py| {
    ///     let fraction = FRACTION.import(py, "fractions", "Fraction").unwrap();
    ///     assert_eq!(fraction.call1((1, 2)).unwrap().str().unwrap().to_string(), "1/2");
    /// });
    /// ```
    pub fn import<'py>(
        &self,
        py: Python<'py>,
        module_name: &str,
        attr_name: &str,
    ) -> PyResult<&Bound<'py, T>> {
        self.get_or_try_init(py, || {
            let attr = PyModule::import(py, module_name)?.getattr(attr_name)?;
            Ok(attr.cast_into::<T>()?.unbind())
        })
        .map(|value| value.bind(py))
    }
}
