//! Synchronization that cooperates with the interpreter (PyO3's `pyo3::sync`): [`PyOnceLock`]
//! for one-time initialization, [`intern!`](crate::intern) for cached `str` objects, extension
//! traits for `std::sync` primitives that detach while they block, and critical sections.
//!
//! Blocking while attached can deadlock: the thread that holds the lock (or runs the
//! initializer) may itself be waiting to attach, which on GIL builds needs the GIL the blocked
//! thread holds, and on free-threaded builds may need a stop-the-world pause the blocked thread
//! never joins. Everything here detaches before blocking and re-attaches afterwards. Nothing
//! relies on the GIL for thread safety, so it is all sound on free-threaded builds.

pub mod critical_section;
mod ext;
mod interned;
mod once_lock;
pub(crate) mod thread_id;

pub use critical_section::{with_critical_section, with_critical_section2};
pub use ext::{MutexExt, OnceExt, OnceLockExt, RwLockExt};
pub use interned::Interned;
pub use once_lock::PyOnceLock;

/// Deprecated name of [`PyOnceLock`] (PyO3 before 0.26). Unlike PyO3's old `GILOnceCell`, the
/// initializer never races: other threads wait (detached) for the first one.
#[deprecated(since = "0.1.0", note = "use `pyroxide::sync::PyOnceLock`")]
pub type GILOnceCell<T> = PyOnceLock<T>;
