//! [`PyOnceLock`]: a [`std::sync::OnceLock`] that detaches from the interpreter while it waits
//! for another thread's initialization (a claim, taken under a short-lived lock, serializes the
//! initializers).

use crate::err::PyResult;
use crate::ffi::attach::wait_detached;
use crate::instance::{Bound, Py};
use crate::marker::Python;
use crate::sync::thread_id;
use crate::type_object::PyTypeCheck;
use crate::types::{PyAnyMethods, PyModule};
use std::convert::Infallible;
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock, PoisonError};

/// A cell written once, for values initialized while attached to the interpreter (PyO3's
/// `PyOnceLock`), typically a `static` holding a `Py<T>`.
///
/// Unlike a plain `OnceLock`, it cannot deadlock with the interpreter: a thread that finds the
/// cell being initialized by another thread detaches while it waits, so the initializing thread
/// can attach and run Python code. Only one initializer ever runs.
///
/// Initializing the cell re-entrantly (from its own initializer) is an error: it panics, where
/// `OnceLock` deadlocks or panics.
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
    /// The thread running the initializer (its `thread_id`), the only writer of `inner`. The
    /// lock is only ever held for a few instructions and never while attaching, so it may be
    /// taken attached.
    running: Mutex<Option<u64>>,
    /// Signalled when an initializer finishes (or fails, or panics).
    finished: Condvar,
}

impl<T> PyOnceLock<T> {
    /// An empty cell.
    pub const fn new() -> PyOnceLock<T> {
        PyOnceLock { inner: OnceLock::new(), running: Mutex::new(None), finished: Condvar::new() }
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
        if let Some(value) = self.claim(py) {
            return Ok(value);
        }
        // This thread is the initializer until `_claim` drops (also when `f` fails or panics).
        let _claim = Claim(self);
        let value = f()?;
        // Only the claimant writes the cell, so this never blocks and never fails.
        Ok(self.inner.get_or_init(|| value))
    }

    /// Claims the right to initialize the cell (`None`), or returns the value another thread
    /// stored. While another thread runs its initializer, waits detached, checking in between
    /// timed waits (see [`wait_detached`]: on GraalPy the initializer may need every thread to
    /// reach a safepoint).
    fn claim(&self, py: Python<'_>) -> Option<&T> {
        let me = thread_id::current();
        let try_claim = |running: &mut MutexGuard<'_, Option<u64>>| match **running {
            _ if self.inner.get().is_some() => Some(self.inner.get()),
            None => {
                **running = Some(me);
                Some(None)
            }
            Some(owner) if owner == me => panic!("PyOnceLock initialized re-entrantly"),
            Some(_) => None,
        };
        // Uncontended: claimed without detaching.
        if let Ok(mut running) = self.running.try_lock() {
            if let Some(claimed) = try_claim(&mut running) {
                return claimed;
            }
        }
        wait_detached(py, |timeout| {
            // Detached here; the guard is dropped before the thread re-attaches.
            let mut running = self.running.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(claimed) = try_claim(&mut running) {
                return Some(claimed);
            }
            let (mut running, _) = self
                .finished
                .wait_timeout(running, timeout)
                .unwrap_or_else(PoisonError::into_inner);
            try_claim(&mut running)
        })
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

/// The running initializer's claim on a [`PyOnceLock`]: released (waking the waiters) on drop.
struct Claim<'a, T>(&'a PyOnceLock<T>);

impl<T> Drop for Claim<'_, T> {
    fn drop(&mut self) {
        // Taken attached: its holders never block while holding it (see `running`).
        *self.0.running.lock().unwrap_or_else(PoisonError::into_inner) = None;
        self.0.finished.notify_all();
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
