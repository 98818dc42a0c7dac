//! Critical sections ([`with_critical_section`], [`with_critical_section2`]): on free-threaded
//! builds, the per-object lock that CPython takes around operations on that object; on GIL
//! builds the closure just runs, since the GIL already serializes access.

use crate::ffi::api;
use crate::instance::Bound;
use crate::types::PyAny;

/// Runs `f` while holding the critical section of `object`, like `Py_BEGIN_CRITICAL_SECTION`.
///
/// Only the object's own lock is held: other threads can still run Python code, and the section
/// may be suspended (and later resumed) if `f` blocks or detaches, so it protects the object's
/// state against concurrent access through the C API, not invariants across such calls.
///
/// ```
/// use pyroxide::prelude::*;
/// use pyroxide::sync::with_critical_section;
/// use pyroxide::types::PyList;
///
/// # Python::initialize(); // embedding without `auto-initialize`
/// Python::attach(|py| {
///     let list = PyList::empty(py);
///     with_critical_section(&list, || list.append(1)).unwrap();
///     assert_eq!(list.len(), 1);
/// });
/// ```
pub fn with_critical_section<F, R>(object: &Bound<'_, PyAny>, f: F) -> R
where
    F: FnOnce() -> R,
{
    api::critical_section(object, f)
}

/// Runs `f` while holding the critical sections of both `a` and `b`, locked in an order that
/// cannot deadlock (`Py_BEGIN_CRITICAL_SECTION2`).
pub fn with_critical_section2<F, R>(a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>, f: F) -> R
where
    F: FnOnce() -> R,
{
    api::critical_section2(a, b, f)
}
