//! Safe wrappers for the number protocol (`PyNumber_*`): the arithmetic of `complex` values.

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::PyAny;

/// A binary operator of the number protocol.
#[derive(Clone, Copy)]
pub(crate) enum BinaryOp {
    Add,
    Subtract,
    Multiply,
    TrueDivide,
}

/// `a <op> b`.
pub(crate) fn number_binary<'py>(
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    op: BinaryOp,
) -> PyResult<Bound<'py, PyAny>> {
    let f = match op {
        BinaryOp::Add => ffi::PyNumber_Add,
        BinaryOp::Subtract => ffi::PyNumber_Subtract,
        BinaryOp::Multiply => ffi::PyNumber_Multiply,
        BinaryOp::TrueDivide => ffi::PyNumber_TrueDivide,
    };
    // SAFETY: attached; both operands live; a new reference or NULL with an exception set.
    unsafe { f(a.as_ptr(), b.as_ptr()).assume_owned_or_err(a.py()) }
}

/// `-a`.
pub(crate) fn number_negative<'py>(a: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `a` live; a new reference or NULL with an exception set.
    unsafe { ffi::PyNumber_Negative(a.as_ptr()).assume_owned_or_err(a.py()) }
}

/// `abs(a)`.
pub(crate) fn number_absolute<'py>(a: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `a` live; a new reference or NULL with an exception set.
    unsafe { ffi::PyNumber_Absolute(a.as_ptr()).assume_owned_or_err(a.py()) }
}

/// `pow(a, b)`.
pub(crate) fn number_power<'py>(
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; operands live, `Py_None` is the (immortal or kept alive) `None`; a
    // new reference or NULL with an exception set.
    unsafe {
        ffi::PyNumber_Power(a.as_ptr(), b.as_ptr(), super::none(a.py()).as_ptr())
            .assume_owned_or_err(a.py())
    }
}
