//! `PyFloat_AS_DOUBLE`: a `float`'s value read from the object (not in the limited API).

use crate::generated as ffi;
use ffi::PyObject;

/// `PyFloat_AS_DOUBLE(op)`: `((PyFloatObject*)op)->ob_fval` (Include/cpython/floatobject.h; a
/// macro before 3.13, a static inline function since). A `float`'s value never changes.
///
/// # Safety
/// `op` must point to a live `float` (an instance of `float` or a subclass).
#[inline(always)]
pub unsafe fn PyFloat_AS_DOUBLE(op: *mut PyObject) -> f64 {
    // SAFETY: the caller passes a live `float`, which starts with a `PyFloatObject`.
    unsafe { (*op.cast::<ffi::PyFloatObject>()).ob_fval }
}
