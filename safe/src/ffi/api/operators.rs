//! Safe wrappers for the operators of every object (`PyNumber_*` on any operands, available on
//! every implementation and under the limited API) and `issubclass`.

use super::int_result;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::PyAny;

/// A binary operator of the number protocol, as `PyAnyMethods` exposes it.
#[derive(Clone, Copy)]
pub(crate) enum Operator {
    Add,
    Sub,
    Mul,
    MatMul,
    Div,
    FloorDiv,
    Rem,
    Divmod,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
}

/// `a <op> b`.
pub(crate) fn binary_operator<'py>(
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    op: Operator,
) -> PyResult<Bound<'py, PyAny>> {
    let (a_ptr, b_ptr) = (a.as_ptr(), b.as_ptr());
    // SAFETY: attached; both operands live; each function returns a new reference or NULL with
    // an exception set.
    unsafe {
        match op {
            Operator::Add => ffi::PyNumber_Add(a_ptr, b_ptr),
            Operator::Sub => ffi::PyNumber_Subtract(a_ptr, b_ptr),
            Operator::Mul => ffi::PyNumber_Multiply(a_ptr, b_ptr),
            Operator::MatMul => ffi::PyNumber_MatrixMultiply(a_ptr, b_ptr),
            Operator::Div => ffi::PyNumber_TrueDivide(a_ptr, b_ptr),
            Operator::FloorDiv => ffi::PyNumber_FloorDivide(a_ptr, b_ptr),
            Operator::Rem => ffi::PyNumber_Remainder(a_ptr, b_ptr),
            Operator::Divmod => ffi::PyNumber_Divmod(a_ptr, b_ptr),
            Operator::LShift => ffi::PyNumber_Lshift(a_ptr, b_ptr),
            Operator::RShift => ffi::PyNumber_Rshift(a_ptr, b_ptr),
            Operator::BitAnd => ffi::PyNumber_And(a_ptr, b_ptr),
            Operator::BitOr => ffi::PyNumber_Or(a_ptr, b_ptr),
            Operator::BitXor => ffi::PyNumber_Xor(a_ptr, b_ptr),
        }
        .assume_owned_or_err(a.py())
    }
}

/// A unary operator of the number protocol.
#[derive(Clone, Copy)]
pub(crate) enum UnaryOperator {
    Neg,
    Pos,
    Abs,
    Invert,
}

/// `<op> a`.
pub(crate) fn unary_operator<'py>(
    a: &Bound<'py, PyAny>,
    op: UnaryOperator,
) -> PyResult<Bound<'py, PyAny>> {
    let a_ptr = a.as_ptr();
    // SAFETY: attached; `a` live; a new reference or NULL with an exception set.
    unsafe {
        match op {
            UnaryOperator::Neg => ffi::PyNumber_Negative(a_ptr),
            UnaryOperator::Pos => ffi::PyNumber_Positive(a_ptr),
            UnaryOperator::Abs => ffi::PyNumber_Absolute(a_ptr),
            UnaryOperator::Invert => ffi::PyNumber_Invert(a_ptr),
        }
        .assume_owned_or_err(a.py())
    }
}

/// `pow(a, b, modulus)` (`modulus` is `None` for the two-argument form).
pub(crate) fn power<'py>(
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    modulus: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; all three live; a new reference or NULL with an exception set.
    unsafe {
        ffi::PyNumber_Power(a.as_ptr(), b.as_ptr(), modulus.as_ptr()).assume_owned_or_err(a.py())
    }
}

/// `issubclass(derived, cls)`.
pub(crate) fn is_subclass(derived: &Bound<'_, PyAny>, cls: &Bound<'_, PyAny>) -> PyResult<bool> {
    // SAFETY: attached; both live; -1 with an exception set on error.
    int_result(derived.py(), unsafe { ffi::PyObject_IsSubclass(derived.as_ptr(), cls.as_ptr()) })
        .map(|v| v == 1)
}

/// `type(obj)` as a raw type pointer (borrowed: the object keeps its type alive).
pub(crate) fn type_ptr(obj: &Bound<'_, PyAny>) -> *mut ffi::PyTypeObject {
    // SAFETY: attached; `obj` live; `Py_TYPE` reads its type field.
    unsafe { ffi::Py_TYPE(obj.as_ptr()) }
}
