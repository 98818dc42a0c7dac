//! Attaching threads to the interpreter: the per-thread attach count behind [`Python::attach`],
//! interpreter initialisation, and the suspend/resume pair behind [`Python::detach`].
//!
//! A thread is *attached* while it holds a thread state (the GIL on GIL builds). The count
//! makes a nested `attach` cost one thread-local read and write, with no call into the
//! interpreter.

use crate::ffi;
use crate::ffi::finalize;
use crate::instance::refpool;
use crate::marker::Python;
use std::cell::Cell;
use std::marker::PhantomData;
use std::sync::Once;
use std::time::Duration;

thread_local! {
    /// How many `Python` scopes are open on this thread; 0 means detached.
    static ATTACH_COUNT: Cell<isize> = const { Cell::new(0) };
}

/// Whether this thread is attached: through a Pyroxide scope (the count), or because the
/// interpreter called into Rust (a function or method called from Python runs attached without
/// touching the count, so that calls cost no thread-local access).
#[inline]
pub(crate) fn is_attached() -> bool {
    ATTACH_COUNT.with(|c| c.get() > 0) || attached_by_interpreter()
}

/// Whether the interpreter is initialized and this thread holds its thread state although the
/// count says it is detached (Rust called from Python). Asks for the current thread state
/// (`PyGILState_Check` is not used: it answers 1 for every thread once a sub-interpreter
/// exists).
#[cold]
#[cfg(not(Py_LIMITED_API))]
fn attached_by_interpreter() -> bool {
    if !is_initialized() {
        return false;
    }
    // SAFETY: the interpreter is initialized (checked above); the sys crate provides
    // `PyThreadState_GetUnchecked` for every version, NULL while this thread is detached.
    !unsafe { ffi::PyThreadState_GetUnchecked() }.is_null()
}

/// Under the limited API there is no way to ask whether the thread is attached
/// (`PyGILState_Check` is not part of it), so calls from the interpreter count themselves
/// instead (see [`CallScope`]).
#[cfg(Py_LIMITED_API)]
fn attached_by_interpreter() -> bool {
    false
}

/// Counts a call from the interpreter as an attach scope, for as long as it lives (limited API
/// builds only: elsewhere the interpreter is asked, and calls cost no thread-local access).
#[cfg(Py_LIMITED_API)]
pub(crate) struct CallScope(PhantomData<*mut ()>);

#[cfg(Py_LIMITED_API)]
impl CallScope {
    /// Enters the scope; the thread must be attached.
    #[inline]
    pub(crate) fn enter(_py: Python<'_>) -> CallScope {
        ATTACH_COUNT.with(|c| c.set(c.get() + 1));
        CallScope(PhantomData)
    }
}

#[cfg(Py_LIMITED_API)]
impl Drop for CallScope {
    #[inline]
    fn drop(&mut self) {
        ATTACH_COUNT.with(|c| c.set(c.get() - 1));
    }
}

/// Why a thread could not attach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AttachError {
    /// `Py_Initialize` has not run (and `auto-initialize` is off).
    NotInitialized,
}

/// Keeps the thread attached for as long as it lives; not `Send`.
pub(crate) struct AttachGuard {
    /// The `PyGILState_Ensure` state to release, for the outermost attach.
    gstate: Option<ffi::PyGILState_STATE>,
    /// For the outermost attach: counts the thread as inside the interpreter until after
    /// `PyGILState_Release` (fields drop after `drop` ran), for the exit callback's wait.
    _entering: Option<finalize::Entering>,
    _not_send: PhantomData<*mut ()>,
}

impl AttachGuard {
    /// Attaches the current thread, or counts one more scope if it is attached already.
    #[inline]
    pub(crate) fn acquire() -> Result<AttachGuard, AttachError> {
        if is_attached() {
            ATTACH_COUNT.with(|c| c.set(c.get() + 1));
            return Ok(AttachGuard { gstate: None, _entering: None, _not_send: PhantomData });
        }
        Self::acquire_slow()
    }

    #[cold]
    fn acquire_slow() -> Result<AttachGuard, AttachError> {
        // A thread attaching while the interpreter exits is parked for good, never let into
        // `PyGILState_Ensure` (see `finalize`); `Py_IsInitialized` is false from the same moment.
        if finalize::must_park() {
            finalize::park_forever();
        }
        if !is_initialized() {
            if cfg!(feature = "auto-initialize") {
                initialize();
            } else {
                return Err(AttachError::NotInitialized);
            }
        }
        let entering = finalize::enter_or_park();
        // SAFETY: the interpreter is initialized; `PyGILState_Ensure` attaches this thread
        // (creating its thread state if needed) and is paired with `PyGILState_Release` in drop.
        let gstate = unsafe { ffi::PyGILState_Ensure() };
        ATTACH_COUNT.with(|c| c.set(1));
        // SAFETY: the thread has just been attached.
        let py = unsafe { Python::assume_attached() };
        refpool::update(py);
        finalize::register_exit_callback(py);
        Ok(AttachGuard { gstate: Some(gstate), _entering: Some(entering), _not_send: PhantomData })
    }
}

impl Drop for AttachGuard {
    #[inline]
    fn drop(&mut self) {
        ATTACH_COUNT.with(|c| c.set(c.get() - 1));
        if let Some(gstate) = self.gstate {
            // SAFETY: `gstate` came from the `PyGILState_Ensure` of this guard, on this thread
            // (the guard is not `Send`), and guards are dropped in reverse order of creation.
            unsafe { ffi::PyGILState_Release(gstate) };
        }
    }
}

/// Whether `Py_Initialize` has run (on PyPy: whether its C API is up; `Py_IsInitialized`
/// itself crashes before the start, see `pypy_start`).
pub(crate) fn is_initialized() -> bool {
    #[cfg(PyPy)]
    return ffi::pypy_start::is_started();
    #[cfg(not(PyPy))]
    // SAFETY: `Py_IsInitialized` may be called at any time, attached or not.
    return unsafe { ffi::Py_IsInitialized() != 0 };
}

/// Initializes the interpreter if needed and leaves this thread detached (PyO3's
/// `Python::initialize`). Does nothing if the interpreter is already initialized.
pub(crate) fn initialize() {
    static START: Once = Once::new();
    START.call_once_force(|_| {
        if !is_initialized() {
            #[cfg(PyPy)]
            ffi::pypy_start::start();
            #[cfg(not(PyPy))]
            // SAFETY: the interpreter is not initialized; `Py_InitializeEx(0)` initializes it
            // without installing signal handlers and leaves this thread attached, which
            // `PyEval_SaveThread` undoes so that any thread can attach.
            unsafe {
                ffi::Py_InitializeEx(0);
                ffi::PyEval_SaveThread();
            }
        }
    });
}

/// Makes sure other threads can attach: PyPy creates its GIL only when Python starts a thread
/// (or `PyEval_InitThreads` is called), and aborts a thread that attaches before that ("a thread
/// is trying to wait for the GIL, but the GIL was not initialized"). Elsewhere the GIL always
/// exists; nothing to do.
pub(crate) fn init_threads(_py: Python<'_>) {
    #[cfg(PyPy)]
    // SAFETY: `_py` proves the thread is attached, which `PyEval_InitThreads` requires; it does
    // nothing once the GIL exists.
    unsafe {
        ffi::PyEval_InitThreads()
    };
}

/// A detached stretch of an attached thread (see [`Python::detach`]).
pub(crate) struct Suspended {
    count: isize,
    tstate: *mut ffi::PyThreadState,
}

/// Detaches the current thread, which must be attached.
pub(crate) fn suspend(_py: Python<'_>) -> Suspended {
    let count = ATTACH_COUNT.with(|c| c.replace(0));
    // SAFETY: `_py` proves the thread is attached; the saved state is restored by `resume` on
    // this thread.
    let tstate = unsafe { ffi::PyEval_SaveThread() };
    Suspended { count, tstate }
}

/// Re-attaches the thread detached by `suspend`.
pub(crate) fn resume(suspended: Suspended) {
    let entering = finalize::enter_or_park();
    // SAFETY: `tstate` is this thread's state saved by `suspend`, not yet restored.
    unsafe { ffi::PyEval_RestoreThread(suspended.tstate) };
    drop(entering);
    ATTACH_COUNT.with(|c| c.set(suspended.count));
    // SAFETY: the thread has just been re-attached.
    refpool::update(unsafe { Python::assume_attached() });
}

impl<'py> Python<'py> {
    /// A token for a thread that is known to be attached, for a lifetime the caller chooses.
    ///
    /// # Safety
    /// The current thread must be attached to the interpreter (hold the GIL on GIL builds) for
    /// the whole of `'py`.
    #[inline]
    pub unsafe fn assume_attached() -> Python<'py> {
        Python::new_unchecked()
    }
}

/// Types that may cross into [`Python::detach`]: everything `Send`. `Python` and `Bound` are not
/// `Send`, so closures capturing them are rejected at compile time.
///
/// ```compile_fail
/// use pyroxide::prelude::*;
/// Python::attach(|py| {
///     py.detach(|| {
///         let _ = py.None(); // the token cannot be used while detached
///     });
/// });
/// ```
///
/// # Safety
/// Implementors must not give access to the interpreter without attaching.
pub unsafe trait Ungil {}
// SAFETY: `Send` values cannot carry a `Python` token or a `Bound` (neither is `Send`).
unsafe impl<T: Send> Ungil for T {}

/// Detaches the thread for as long as it lives, re-attaching on drop (also while unwinding).
///
/// Used by the blocking helpers of `crate::sync`: they detach *before* blocking on a lock or a
/// `Once` that another thread may hold while it waits to attach, and re-attach before running
/// Python code. Code holding one must not use the interpreter (nor the `Python` token it was made
/// from) until it is dropped.
pub(crate) struct SuspendAttach(Option<Suspended>);

impl SuspendAttach {
    /// Detaches the current thread, which `_py` proves attached.
    pub(crate) fn new(py: Python<'_>) -> SuspendAttach {
        SuspendAttach(Some(suspend(py)))
    }
}

impl Drop for SuspendAttach {
    fn drop(&mut self) {
        if let Some(suspended) = self.0.take() {
            resume(suspended);
        }
    }
}

/// The longest a [`wait_detached`] attempt blocks before the thread checks in.
const MAX_CHECK_IN: Duration = Duration::from_millis(16);

/// Blocks detached until `attempt` returns `Some`, re-attaching for a moment between attempts.
///
/// `attempt(timeout)` waits (detached: it must not use the interpreter) for at most about
/// `timeout`, returning `None` if what it waits for has not happened yet; the timeout doubles
/// from 1 ms up to 16 ms. The check-ins matter on GraalPy: a thread detached inside a native
/// call is not at a safepoint, and a synchronous thread-local action (such as the first use of
/// a Truffle language in the context, e.g. compiling a regex while importing a module) waits
/// for every thread of the context to process it. A thread blocked in native code until
/// another thread's Python code finishes would deadlock with such an action; re-attaching lets
/// the interpreter run it. Elsewhere a check-in only costs a GIL round trip.
pub(crate) fn wait_detached<R>(
    py: Python<'_>,
    mut attempt: impl FnMut(Duration) -> Option<R>,
) -> R {
    let mut timeout = Duration::from_millis(1);
    loop {
        let suspended = SuspendAttach::new(py);
        let result = attempt(timeout);
        drop(suspended);
        if let Some(value) = result {
            return value;
        }
        timeout = (timeout * 2).min(MAX_CHECK_IN);
    }
}

/// Initializes the interpreter, runs `f` attached, then finalizes the interpreter (PyO3's
/// `with_embedded_python_interpreter`): for programs that run Python once and want it torn
/// down (flushing buffers, running `atexit` handlers) before they exit.
///
/// PyPy cannot be torn down: there, the `threading` shutdown, the `atexit` handlers and the flush
/// of `sys.stdout`/`sys.stderr` run when `f` returns, and the interpreter stays loaded (and
/// initialized, so a second call panics) until the process exits.
///
/// Panics if the interpreter is already initialized.
///
/// # Safety
/// - Nothing may use the interpreter after `f` returns: no `Py<T>` created inside `f` may be
///   dropped, attached or otherwise used afterwards (keep them inside `f`), and no other thread
///   may be attached or attach while the interpreter is finalized.
/// - It may be called only once per process: CPython does not support initializing again
///   after finalization for every extension module.
pub unsafe fn with_embedded_python_interpreter<F, R>(f: F) -> R
where
    F: for<'p> FnOnce(Python<'p>) -> R,
{
    assert!(!is_initialized(), "the Python interpreter is already initialized");
    assert!(!is_attached(), "the thread is already attached to an interpreter");
    #[cfg(not(PyPy))]
    // SAFETY: the interpreter is not initialized; `Py_InitializeEx(0)` initializes it (without
    // signal handlers) and leaves this thread attached, which the count records.
    unsafe {
        ffi::Py_InitializeEx(0)
    };
    // PyPy's start leaves the thread detached; `PyGILState_Ensure` attaches it (paired with the
    // release in `Finalize`).
    #[cfg(PyPy)]
    initialize();
    #[cfg(PyPy)]
    // SAFETY: PyPy has just been started; released by `Finalize` on this thread.
    let gstate = unsafe { ffi::PyGILState_Ensure() };
    ATTACH_COUNT.with(|c| c.set(1));
    /// Finalizes the interpreter even when `f` panics.
    struct Finalize {
        #[cfg(PyPy)]
        gstate: ffi::PyGILState_STATE,
    }
    impl Drop for Finalize {
        fn drop(&mut self) {
            #[cfg(PyPy)]
            // SAFETY: this thread is attached (its `PyGILState_Ensure` above; every scope
            // opened inside `f` has closed); the state is released once, here.
            unsafe {
                ffi::pypy_start::finish(Python::assume_attached());
                ATTACH_COUNT.with(|c| c.set(0));
                ffi::PyGILState_Release(self.gstate);
            }
            #[cfg(not(PyPy))]
            {
                ATTACH_COUNT.with(|c| c.set(0));
                // SAFETY: this thread is attached (it initialized the interpreter and every scope
                // opened inside `f` has closed); the caller promises nothing uses the
                // interpreter afterwards.
                unsafe { ffi::Py_Finalize() };
            }
        }
    }
    let _finalize = Finalize {
        #[cfg(PyPy)]
        gstate,
    };
    // SAFETY: the thread is attached until `_finalize` drops, after `f` returns.
    let py = unsafe { Python::assume_attached() };
    // Importing `threading` registers this thread as the main thread, which finalization
    // expects.
    let _ = crate::types::PyModule::import(py, "threading");
    f(py)
}
