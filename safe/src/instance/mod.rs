//! The smart pointers: [`Bound`] (an owned reference while attached), [`Borrowed`] (a borrowed
//! one), [`Py`] (an owned reference that may cross threads and outlive attachment), and the
//! deferred release pool for `Py<T>` dropped while detached.
//!
//! Ownership follows the C API: a `Bound` or `Py` owns one reference count, released exactly
//! once when it is dropped; a `Borrowed` owns none and cannot outlive what it borrows from.

mod borrowed;
mod bound;
mod cast;
pub use cast::DerefToPyAny;
mod py;
mod py_methods;
pub(crate) mod pybacked;
pub(crate) mod refpool;

pub use borrowed::Borrowed;
pub use bound::{Bound, BoundObject};
pub use py::{Py, PyObject};
