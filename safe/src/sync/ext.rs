//! Extension traits for `std::sync` primitives used while attached: [`OnceExt`],
//! [`OnceLockExt`], [`MutexExt`] and [`RwLockExt`] detach before blocking so that the thread
//! holding the primitive can attach (see the module docs of [`crate::sync`]).

use crate::ffi::attach::SuspendAttach;
use crate::marker::Python;
use std::sync::{
    LockResult, Mutex, MutexGuard, Once, OnceLock, OnceState, RwLock, RwLockReadGuard,
    RwLockWriteGuard, TryLockError, TryLockResult,
};

mod sealed {
    pub trait Sealed {}
    impl Sealed for std::sync::Once {}
    impl<T> Sealed for std::sync::OnceLock<T> {}
    impl<T: ?Sized> Sealed for std::sync::Mutex<T> {}
    impl<T: ?Sized> Sealed for std::sync::RwLock<T> {}
}

/// [`Once`] methods for attached threads.
///
/// On GraalPy, a thread blocked in native code holds up the interpreter's synchronous
/// thread-local actions (see [`PyOnceLock`](crate::sync::PyOnceLock), which checks in while it
/// waits); a `Once` cannot be waited on with a timeout, so prefer `PyOnceLock` there.
pub trait OnceExt: sealed::Sealed {
    /// `call_once`, detached while another thread runs the closure; `f` runs attached.
    fn call_once_py_attached(&self, py: Python<'_>, f: impl FnOnce());
    /// `call_once_force`, detached while another thread runs the closure; `f` runs attached.
    fn call_once_force_py_attached(&self, py: Python<'_>, f: impl FnOnce(&OnceState));
}

impl OnceExt for Once {
    fn call_once_py_attached(&self, py: Python<'_>, f: impl FnOnce()) {
        if self.is_completed() {
            return;
        }
        let suspended = SuspendAttach::new(py);
        self.call_once(move || {
            drop(suspended);
            f();
        });
    }

    fn call_once_force_py_attached(&self, py: Python<'_>, f: impl FnOnce(&OnceState)) {
        if self.is_completed() {
            return;
        }
        let suspended = SuspendAttach::new(py);
        self.call_once_force(move |state| {
            drop(suspended);
            f(state);
        });
    }
}

/// [`OnceLock`] methods for attached threads (on GraalPy, see the note on [`OnceExt`]).
pub trait OnceLockExt<T>: sealed::Sealed {
    /// `get_or_init`, detached while another thread runs its initializer; `f` runs attached.
    fn get_or_init_py_attached<F>(&self, py: Python<'_>, f: F) -> &T
    where
        F: FnOnce() -> T;
}

impl<T> OnceLockExt<T> for OnceLock<T> {
    fn get_or_init_py_attached<F>(&self, py: Python<'_>, f: F) -> &T
    where
        F: FnOnce() -> T,
    {
        if let Some(value) = self.get() {
            return value;
        }
        // The closure re-attaches before running `f`; if another thread initializes the cell,
        // the unused closure is dropped when `get_or_init` returns, which re-attaches.
        let suspended = SuspendAttach::new(py);
        self.get_or_init(move || {
            drop(suspended);
            f()
        })
    }
}

/// [`Mutex`] methods for attached threads.
pub trait MutexExt<T: ?Sized>: sealed::Sealed {
    /// What [`lock_py_attached`](MutexExt::lock_py_attached) returns.
    type LockResult<'a>
    where
        Self: 'a;
    /// `lock`, detached while the mutex is held by another thread.
    fn lock_py_attached(&self, py: Python<'_>) -> Self::LockResult<'_>;
}

impl<T: ?Sized> MutexExt<T> for Mutex<T> {
    type LockResult<'a>
        = LockResult<MutexGuard<'a, T>>
    where
        Self: 'a;

    fn lock_py_attached(&self, py: Python<'_>) -> LockResult<MutexGuard<'_, T>> {
        block_detached(py, || self.try_lock(), || self.lock())
    }
}

/// [`RwLock`] methods for attached threads.
pub trait RwLockExt<T: ?Sized>: sealed::Sealed {
    /// What [`read_py_attached`](RwLockExt::read_py_attached) returns.
    type ReadLockResult<'a>
    where
        Self: 'a;
    /// What [`write_py_attached`](RwLockExt::write_py_attached) returns.
    type WriteLockResult<'a>
    where
        Self: 'a;
    /// `read`, detached while a writer holds the lock.
    fn read_py_attached(&self, py: Python<'_>) -> Self::ReadLockResult<'_>;
    /// `write`, detached while another thread holds the lock.
    fn write_py_attached(&self, py: Python<'_>) -> Self::WriteLockResult<'_>;
}

impl<T: ?Sized> RwLockExt<T> for RwLock<T> {
    type ReadLockResult<'a>
        = LockResult<RwLockReadGuard<'a, T>>
    where
        Self: 'a;
    type WriteLockResult<'a>
        = LockResult<RwLockWriteGuard<'a, T>>
    where
        Self: 'a;

    fn read_py_attached(&self, py: Python<'_>) -> LockResult<RwLockReadGuard<'_, T>> {
        block_detached(py, || self.try_read(), || self.read())
    }

    fn write_py_attached(&self, py: Python<'_>) -> LockResult<RwLockWriteGuard<'_, T>> {
        block_detached(py, || self.try_write(), || self.write())
    }
}

/// Takes a lock with `try_lock`, else detaches and blocks in `lock` until it is free.
#[cfg(not(GraalPy))]
fn block_detached<G>(
    py: Python<'_>,
    try_lock: impl Fn() -> TryLockResult<G>,
    lock: impl FnOnce() -> LockResult<G>,
) -> LockResult<G> {
    match try_lock() {
        Ok(guard) => Ok(guard),
        Err(TryLockError::Poisoned(e)) => Err(e),
        Err(TryLockError::WouldBlock) => {
            let _suspended = SuspendAttach::new(py);
            lock()
        }
    }
}

/// Takes a lock with `try_lock`, else detaches and polls it, checking in between attempts: on
/// GraalPy a thread blocked in native code holds up the interpreter's synchronous thread-local
/// actions, which the lock's holder may be waiting for (see
/// [`wait_detached`](crate::ffi::attach::wait_detached)).
#[cfg(GraalPy)]
fn block_detached<G>(
    py: Python<'_>,
    try_lock: impl Fn() -> TryLockResult<G>,
    _lock: impl FnOnce() -> LockResult<G>,
) -> LockResult<G> {
    use std::time::{Duration, Instant};
    let attempt = |timeout: Duration| {
        let deadline = Instant::now() + timeout;
        loop {
            match try_lock() {
                Ok(guard) => return Some(Ok(guard)),
                Err(TryLockError::Poisoned(e)) => return Some(Err(e)),
                Err(TryLockError::WouldBlock) if Instant::now() >= deadline => return None,
                Err(TryLockError::WouldBlock) => std::thread::sleep(Duration::from_micros(100)),
            }
        }
    };
    match attempt(Duration::ZERO) {
        Some(result) => result,
        None => crate::ffi::attach::wait_detached(py, attempt),
    }
}
