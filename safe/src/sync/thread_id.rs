//! [`current`]: a number for the current thread, unique for the life of the process, that
//! leaves no thread-local destructor behind (unlike `std::thread::current()`).
//!
//! A destructor registered by an extension module runs when the thread exits, which on GraalPy
//! can be after the interpreter has unloaded the module (its context closing at exit): the
//! thread then jumps into unmapped code. A `const`-initialized `Cell` of an integer needs no
//! destructor, so nothing is registered.

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};

/// The last number handed out.
static LAST: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// This thread's number; 0 until it first asks.
    static ID: Cell<u64> = const { Cell::new(0) };
}

/// The current thread's number: never 0, never given to another thread.
pub(crate) fn current() -> u64 {
    ID.with(|id| match id.get() {
        0 => {
            let fresh = LAST.fetch_add(1, Ordering::Relaxed) + 1;
            id.set(fresh);
            fresh
        }
        known => known,
    })
}
