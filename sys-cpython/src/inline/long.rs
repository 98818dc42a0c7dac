//! Reading small `int`s directly (not in the limited API): whether an `int` is *compact* (fits
//! in one 30-bit digit) and its value, the fast path of integer extraction.

use crate::generated as ffi;
use ffi::{PyObject, Py_ssize_t};

/// `_PyLong_IsCompact(op)` (Include/cpython/longintrepr.h, 3.12+): the `int` has at most one
/// digit, `lv_tag < (2 << _PyLong_NON_SIZE_BITS)`. Before 3.12, the same property of the older
/// layout: `-1 <= Py_SIZE(op) <= 1` (what `IS_MEDIUM_VALUE` in Objects/longobject.c tests).
///
/// # Safety
/// `op` must point to a live `int` (an instance of `int` or a subclass).
#[inline(always)]
#[allow(non_snake_case)]
pub unsafe fn _PyLong_IsCompact(op: *mut PyObject) -> bool {
    #[cfg(Py_3_12)]
    // SAFETY: the caller passes a live `int`, whose header is followed by `long_value`.
    return unsafe { (*op.cast::<ffi::PyLongObject>()).long_value.lv_tag }
        < (2 << ffi::_PyLong_NON_SIZE_BITS);
    #[cfg(not(Py_3_12))]
    // SAFETY: the caller passes a live `int`, a `PyVarObject` whose size counts its digits.
    return unsafe { (*op.cast::<ffi::PyVarObject>()).ob_size }.unsigned_abs() <= 1;
}

/// `_PyLong_CompactValue(op)` (Include/cpython/longintrepr.h, 3.12+): the value of a compact
/// `int`, `(1 - (lv_tag & _PyLong_SIGN_MASK)) * ob_digit[0]`. Before 3.12, `MEDIUM_VALUE` of
/// Objects/longobject.c: the sign of `Py_SIZE(op)` times `ob_digit[0]` (0 when the size is 0).
///
/// # Safety
/// `op` must point to a live `int` for which [`_PyLong_IsCompact`] holds.
#[inline(always)]
#[allow(non_snake_case)]
pub unsafe fn _PyLong_CompactValue(op: *mut PyObject) -> Py_ssize_t {
    #[cfg(Py_3_12)]
    // SAFETY: the caller passes a live compact `int`: `long_value` has its one digit.
    return unsafe {
        let value = &(*op.cast::<ffi::PyLongObject>()).long_value;
        let sign = 1 - (value.lv_tag & ffi::_PyLong_SIGN_MASK as usize) as Py_ssize_t;
        sign * value.ob_digit[0] as Py_ssize_t
    };
    #[cfg(not(Py_3_12))]
    // SAFETY: the caller passes a live compact `int`; its one digit exists when the size is
    // not 0 (a zero may have none allocated, so it is not read then).
    return unsafe {
        let long = op.cast::<ffi::PyLongObject>();
        match (*long).ob_base.ob_size {
            0 => 0,
            size if size < 0 => -((*long).ob_digit[0] as Py_ssize_t),
            _ => (*long).ob_digit[0] as Py_ssize_t,
        }
    };
}
