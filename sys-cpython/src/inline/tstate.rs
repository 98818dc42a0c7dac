//! `PyThreadState_GetUnchecked()` (public from 3.13) for 3.9–3.12: this thread's attached
//! thread state, or NULL while the thread is detached.

use crate::generated as ffi;
use ffi::PyThreadState;

/// The calling thread's thread state while it is attached, else NULL (3.13's
/// `PyThreadState_GetUnchecked`). On 3.12 `_PyThreadState_UncheckedGet` is already per thread;
/// up to 3.11 it is the one thread state holding the GIL, so it counts only if it is this
/// thread's own.
///
/// # Safety
/// The interpreter must be initialized.
#[inline]
pub unsafe fn PyThreadState_GetUnchecked() -> *mut PyThreadState {
    // SAFETY: both functions may be called from any thread once the interpreter is initialized
    // (the caller's contract); they only read the runtime's current-thread bookkeeping.
    unsafe {
        let current = ffi::_PyThreadState_UncheckedGet();
        #[cfg(Py_3_12)]
        return current;
        #[cfg(not(Py_3_12))]
        if current == ffi::PyGILState_GetThisThreadState() {
            current
        } else {
            core::ptr::null_mut()
        }
    }
}
