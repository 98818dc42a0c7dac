//! `PyThreadState_GetUnchecked()` and `Py_IsFinalizing()` (both public from 3.13) for
//! 3.9–3.12: this thread's attached thread state, or NULL while the thread is detached; whether
//! the main interpreter is finalizing.

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

/// Whether the runtime is finalizing (3.13's `Py_IsFinalizing`; `_Py_IsFinalizing` before):
/// true from the moment `Py_FinalizeEx` starts tearing the interpreter down (after `atexit`),
/// and then for good.
///
/// # Safety
/// Always safe to call (it reads one runtime field); `unsafe` only for uniformity with the C
/// API it mirrors.
#[inline]
pub unsafe fn Py_IsFinalizing() -> core::ffi::c_int {
    // SAFETY: `_Py_IsFinalizing` may be called from any thread at any time.
    unsafe { ffi::_Py_IsFinalizing() }
}
