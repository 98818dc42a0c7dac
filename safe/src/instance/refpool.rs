//! References released while the thread was detached: a `Py<T>` dropped without attachment
//! cannot decref, so its pointer waits here until some thread attaches. The check on attach is
//! one relaxed atomic load when the pool is empty.

use crate::ffi;
use crate::marker::Python;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// A pointer whose reference is owned by the pool.
struct Pending(NonNull<ffi::PyObject>);
// SAFETY: the pool only moves owned references between threads; they are released by a thread
// that is attached, which is all the C API requires.
unsafe impl Send for Pending {}

static DIRTY: AtomicBool = AtomicBool::new(false);
static POOL: Mutex<Vec<Pending>> = Mutex::new(Vec::new());

/// Releases one owned reference now if the thread is attached, or at the next attach.
///
/// # Safety
/// `ptr` must be an owned reference to a live object, which the pool takes over.
pub(crate) unsafe fn release(ptr: NonNull<ffi::PyObject>) {
    if crate::ffi::attach::is_attached() {
        // SAFETY: attached, and the caller hands over an owned reference.
        unsafe { ffi::Py_DECREF(ptr.as_ptr()) };
    } else {
        POOL.lock().unwrap_or_else(|e| e.into_inner()).push(Pending(ptr));
        DIRTY.store(true, Ordering::Release);
    }
}

/// Releases every reference waiting in the pool; `py` proves the thread is attached.
#[inline]
pub(crate) fn update(py: Python<'_>) {
    if DIRTY.load(Ordering::Acquire) {
        drain(py);
    }
}

#[cold]
fn drain(_py: Python<'_>) {
    DIRTY.store(false, Ordering::Release);
    let pending = std::mem::take(&mut *POOL.lock().unwrap_or_else(|e| e.into_inner()));
    for Pending(ptr) in pending {
        // SAFETY: `_py` proves the thread is attached; each pointer is an owned reference the
        // pool took over in `release`.
        unsafe { ffi::Py_DECREF(ptr.as_ptr()) };
    }
}

/// How many references wait in the pool (for tests).
#[doc(hidden)]
pub fn pending_count() -> usize {
    POOL.lock().unwrap_or_else(|e| e.into_inner()).len()
}
