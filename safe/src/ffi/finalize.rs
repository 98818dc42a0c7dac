//! Threads attaching while the interpreter exits: they are parked for good instead of entering
//! the interpreter, which before CPython 3.14 would end them with `pthread_exit` (a forced
//! unwind that Rust's `catch_unwind` at the bottom of every spawned thread turns into
//! `FATAL: exception not rethrown` and SIGABRT) and on PyPy aborts the process ("a thread is
//! trying to wait for the GIL, but the GIL was not initialized").
//!
//! Checking `Py_IsFinalizing` before `PyGILState_Ensure` is not enough: a thread already waiting
//! for the GIL inside `PyGILState_Ensure` when finalization starts wakes up every few
//! milliseconds, sees the flag and exits. So an `atexit` callback (which runs on the finalizing
//! thread just before the interpreter starts to finalize) closes the door: it sets a flag that
//! makes every later attach or re-attach (`Python::detach` returning) park, then waits, detached,
//! until no thread is between its check of the flag and the end of its `Python::attach`
//! (`PyGILState_Release` returned) or the return of `PyEval_RestoreThread`. CPython 3.14 parks
//! such threads itself (`PyThread_hang_thread`).
//!
//! What remains: a thread still attached when the callback returns (an attach held for longer
//! than the wait, [`DRAIN_LIMIT`], or a thread that re-attached after `detach` and runs Python
//! code) may still be ended by the interpreter when it next waits for the GIL; and if the
//! callback never ran (no attach through `PyGILState_Ensure` and no module initialised before
//! the exit), `Py_IsFinalizing` is the only, racy, signal (not available under the limited API
//! before 3.13).

use crate::ffi;
use crate::marker::Python;
use crate::types::{PyAnyMethods, PyCFunction, PyModule};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use std::time::{Duration, Instant};

/// Set by the exit callback: no thread but the finalizing one may enter the interpreter.
static CLOSED: AtomicBool = AtomicBool::new(false);
/// Threads between their check of [`CLOSED`] and the end of their attach (see [`Entering`]).
static ENTERING: AtomicUsize = AtomicUsize::new(0);
/// Whether the exit callback has been registered with `atexit`.
static REGISTERED: AtomicBool = AtomicBool::new(false);
/// How long the exit callback waits for threads entering the interpreter.
const DRAIN_LIMIT: Duration = Duration::from_secs(2);

thread_local! {
    /// Whether this thread ran the exit callback: it finalizes the interpreter and must never
    /// be parked.
    static FINALIZER: Cell<bool> = const { Cell::new(false) };
    /// How many of [`ENTERING`]'s counts this thread holds (an attach, and a re-attach inside it).
    static HELD: Cell<usize> = const { Cell::new(0) };
}

/// A thread entering the interpreter, counted in [`ENTERING`] while this lives: until
/// `PyEval_RestoreThread` returns (re-attach after `detach`), or until the outermost attach
/// ends (`PyGILState_Ensure` to `PyGILState_Release`).
pub(crate) struct Entering(bool);

impl Entering {
    fn counted() -> Entering {
        HELD.with(|h| h.set(h.get() + 1));
        Entering(true)
    }
}

impl Drop for Entering {
    fn drop(&mut self) {
        if self.0 {
            HELD.with(|h| h.set(h.get() - 1));
            ENTERING.fetch_sub(1, SeqCst);
        }
    }
}

/// Called before `PyGILState_Ensure` or `PyEval_RestoreThread`: parks the thread for good if
/// the exit callback has run (unless this thread ran it), else counts it as entering until the
/// guard drops. `Py_IsFinalizing` is not consulted here: without the
/// callback the finalizing thread is not known, and it must be able to re-attach.
pub(crate) fn enter_or_park() -> Entering {
    if FINALIZER.with(Cell::get) {
        return Entering(false);
    }
    if CLOSED.load(SeqCst) {
        park_forever();
    }
    ENTERING.fetch_add(1, SeqCst);
    // Checked again after counting (both sequentially consistent): either the exit callback
    // sees this thread in `ENTERING` and waits for it, or this thread sees `CLOSED`.
    if CLOSED.load(SeqCst) {
        ENTERING.fetch_sub(1, SeqCst);
        park_forever();
    }
    Entering::counted()
}

/// Whether the interpreter has started finalizing (`Py_IsFinalizing`), for threads the exit
/// callback did not stop; always false under the limited API before 3.13, which lacks it, and
/// on PyPy before it is started (when its `_Py_IsFinalizing` would crash).
pub(crate) fn is_finalizing() -> bool {
    #[cfg(PyPy)]
    if !ffi::pypy_start::is_started() {
        return false;
    }
    #[cfg(any(not(Py_LIMITED_API), Py_3_13))]
    // SAFETY: `Py_IsFinalizing` may be called from any thread at any time.
    return unsafe { ffi::Py_IsFinalizing() != 0 };
    #[cfg(all(Py_LIMITED_API, not(Py_3_13)))]
    return false;
}

/// Whether this thread must not attach: the interpreter has started finalizing and this is
/// not the thread known to finalize it.
pub(crate) fn must_park() -> bool {
    !FINALIZER.with(Cell::get) && (CLOSED.load(SeqCst) || is_finalizing())
}

/// Never returns: what CPython 3.14 does with a thread that attaches during finalization. The
/// counts the thread holds (a re-attach inside an attach) are given back first, so that the exit
/// callback does not wait for it.
#[cold]
pub(crate) fn park_forever() -> ! {
    let held = HELD.with(|h| h.replace(0));
    ENTERING.fetch_sub(held, SeqCst);
    loop {
        std::thread::park();
    }
}

/// Registers the exit callback with the main interpreter's `atexit`, once per process. Errors
/// are ignored: without the callback only [`is_finalizing`] protects exiting threads.
pub(crate) fn register_exit_callback(py: Python<'_>) {
    if REGISTERED.load(SeqCst) || ffi::api::interpreter_id(py).ok() != Some(0) {
        return;
    }
    if REGISTERED.swap(true, SeqCst) {
        return;
    }
    let registered = PyCFunction::new_closure(
        py,
        Some(c"_pyroxide_close_on_exit"),
        None,
        |args: &crate::Bound<'_, crate::types::PyTuple>, _| close_on_exit(args.py()),
    )
    .and_then(|callback| {
        PyModule::import(py, "atexit")?.call_method1("register", (callback,)).map(drop)
    });
    if let Err(e) = registered {
        // Registration runs inside `Python::attach` or module initialisation, where an
        // exception must not be left behind.
        drop(e);
    }
}

/// The exit callback: closes the door, then waits (detached, so that they can finish) for the
/// threads already entering.
fn close_on_exit(py: Python<'_>) {
    FINALIZER.with(|f| f.set(true));
    CLOSED.store(true, SeqCst);
    py.detach(|| {
        let start = Instant::now();
        while ENTERING.load(SeqCst) != 0 && start.elapsed() < DRAIN_LIMIT {
            std::thread::sleep(Duration::from_millis(1));
        }
    });
}
