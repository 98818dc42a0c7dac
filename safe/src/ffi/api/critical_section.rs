//! Critical sections on free-threaded builds (`PyCriticalSection_Begin`/`End` and the
//! two-object variant); on other builds the GIL already serializes access, so the closure just
//! runs.

use crate::instance::Bound;
use crate::types::PyAny;

/// Runs `f` inside a critical section on `object`.
#[cfg(all(Py_GIL_DISABLED, not(Py_LIMITED_API)))]
pub(crate) fn critical_section<R>(object: &Bound<'_, PyAny>, f: impl FnOnce() -> R) -> R {
    use crate::ffi;
    /// Ends the section even when `f` panics; borrows the section so it cannot move.
    struct End<'a>(&'a mut ffi::PyCriticalSection);
    impl Drop for End<'_> {
        fn drop(&mut self) {
            // SAFETY: the section was begun on this thread by `critical_section` and not moved.
            unsafe { ffi::PyCriticalSection_End(self.0) }
        }
    }
    // SAFETY: `PyCriticalSection` is a plain C struct (an integer and a pointer) for which all
    // zeroes is a valid value; `Begin` initializes it.
    let mut section: ffi::PyCriticalSection = unsafe { std::mem::zeroed() };
    // SAFETY: attached (`object`), which is live; the section stays in place (borrowed by the
    // guard) until `End` runs on this thread.
    unsafe { ffi::PyCriticalSection_Begin(&mut section, object.as_ptr()) };
    let _end = End(&mut section);
    f()
}

/// Runs `f` inside a critical section on `object` (the GIL serializes access on this build).
#[cfg(not(all(Py_GIL_DISABLED, not(Py_LIMITED_API))))]
pub(crate) fn critical_section<R>(object: &Bound<'_, PyAny>, f: impl FnOnce() -> R) -> R {
    let _ = object;
    f()
}

/// Runs `f` inside a critical section on both `a` and `b` (locked without deadlock).
#[cfg(all(Py_GIL_DISABLED, not(Py_LIMITED_API)))]
pub(crate) fn critical_section2<R>(
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    f: impl FnOnce() -> R,
) -> R {
    use crate::ffi;
    /// Ends the section even when `f` panics; borrows the section so it cannot move.
    struct End<'a>(&'a mut ffi::PyCriticalSection2);
    impl Drop for End<'_> {
        fn drop(&mut self) {
            // SAFETY: the section was begun on this thread by `critical_section2`, not moved.
            unsafe { ffi::PyCriticalSection2_End(self.0) }
        }
    }
    // SAFETY: as in `critical_section`: plain integers and pointers, all zeroes is valid.
    let mut section: ffi::PyCriticalSection2 = unsafe { std::mem::zeroed() };
    // SAFETY: attached; both objects live; the section stays in place until `End` runs.
    unsafe { ffi::PyCriticalSection2_Begin(&mut section, a.as_ptr(), b.as_ptr()) };
    let _end = End(&mut section);
    f()
}

/// Runs `f` inside a critical section on `a` and `b` (the GIL serializes access on this build).
#[cfg(not(all(Py_GIL_DISABLED, not(Py_LIMITED_API))))]
pub(crate) fn critical_section2<R>(
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    f: impl FnOnce() -> R,
) -> R {
    let _ = (a, b);
    f()
}
