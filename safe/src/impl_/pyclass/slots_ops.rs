//! The operator slots of a class: binary numeric operators combining a method with its
//! reflected twin (`__add__`/`__radd__` in one `nb_add`), `pow()` (ternary), the rich
//! comparison made of `__lt__` … `__ge__`, sequence repetition, and the markers that stand for
//! a method the class does not define.

use super::slots_basic::{PyBinaryImpl, PyRichCompareImpl};
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::impl_::trampoline::trampoline;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::pyclass::CompareOp;
use crate::types::{PyAny, PyAnyMethods, PyInt};

/// `__pow__`, `__rpow__`, `__ipow__` (`self`, other, modulo) and `__get__` (`self`, instance,
/// owner): one object from the instance and two arguments.
pub trait PyTernaryImpl {
    /// Runs the method.
    fn call<'py>(
        py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
        a: Borrowed<'_, 'py, PyAny>,
        b: Borrowed<'_, 'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>>;
}

/// `__repeat__`, `__inplace_repeat__`: one object from the instance and a count.
pub trait PyRepeatImpl {
    /// Runs the method.
    fn call<'py>(
        py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
        count: isize,
    ) -> PyResult<Bound<'py, PyAny>>;
}

/// The count of `__repeat__`/`__inplace_repeat__` as an `int`, from which the method's
/// parameter is extracted like any argument (so it may be any integer type, and a negative
/// count into an unsigned one raises `OverflowError`).
#[inline]
pub fn count_argument(py: Python<'_>, count: isize) -> Bound<'_, PyAny> {
    PyInt::new(py, count).into_any()
}

/// A method the class does not define: an operator answers `NotImplemented`.
pub struct NotImplementedOp;

impl PyBinaryImpl for NotImplementedOp {
    #[inline]
    fn call<'py>(
        py: Python<'py>,
        _slf: Borrowed<'_, 'py, PyAny>,
        _arg: Borrowed<'_, 'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        Ok(py.NotImplemented().into_bound(py))
    }
}

impl PyTernaryImpl for NotImplementedOp {
    #[inline]
    fn call<'py>(
        py: Python<'py>,
        _slf: Borrowed<'_, 'py, PyAny>,
        _a: Borrowed<'_, 'py, PyAny>,
        _b: Borrowed<'_, 'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        Ok(py.NotImplemented().into_bound(py))
    }
}

/// `__ne__` when the class defines none: the negation of `self == other` (which uses `__eq__`,
/// or identity when that answers `NotImplemented`).
pub struct NeFromEq;

impl PyBinaryImpl for NeFromEq {
    fn call<'py>(
        py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
        arg: Borrowed<'_, 'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let eq = slf.eq(arg)?;
        Ok(crate::types::PyBool::new(py, !eq).to_owned().into_any())
    }
}

/// The rich comparison of a class defining some of `__lt__`, `__le__`, `__eq__`, `__ne__`,
/// `__gt__`, `__ge__` (the others are [`NotImplementedOp`], `__ne__` [`NeFromEq`]).
pub struct RichCompareOps<Lt, Le, Eq, Ne, Gt, Ge>(
    std::marker::PhantomData<(Lt, Le, Eq, Ne, Gt, Ge)>,
);

impl<Lt, Le, Eq, Ne, Gt, Ge> PyRichCompareImpl for RichCompareOps<Lt, Le, Eq, Ne, Gt, Ge>
where
    Lt: PyBinaryImpl,
    Le: PyBinaryImpl,
    Eq: PyBinaryImpl,
    Ne: PyBinaryImpl,
    Gt: PyBinaryImpl,
    Ge: PyBinaryImpl,
{
    #[inline]
    fn richcmp<'py>(
        py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
        other: Borrowed<'_, 'py, PyAny>,
        op: CompareOp,
    ) -> PyResult<Bound<'py, PyAny>> {
        match op {
            CompareOp::Lt => Lt::call(py, slf, other),
            CompareOp::Le => Le::call(py, slf, other),
            CompareOp::Eq => Eq::call(py, slf, other),
            CompareOp::Ne => Ne::call(py, slf, other),
            CompareOp::Gt => Gt::call(py, slf, other),
            CompareOp::Ge => Ge::call(py, slf, other),
        }
    }
}

/// Whether `obj` is `NotImplemented`.
fn is_not_implemented(py: Python<'_>, obj: &Bound<'_, PyAny>) -> bool {
    obj.as_ptr() == crate::ffi::api::not_implemented(py).as_ptr()
}

/// Converts an in-place method's result (`()` or `Result<(), E>`): the instance itself.
#[inline]
pub fn inplace_output<'py, R: super::PlainOutput<()>>(
    slf: Borrowed<'_, 'py, PyAny>,
    result: R,
) -> PyResult<Bound<'py, PyAny>> {
    result.into_plain().map(|()| slf.to_owned())
}

/// `binaryfunc` entry point of a numeric operator: `L(lhs, rhs)`, and when that is
/// `NotImplemented` (`lhs` is not an instance, or `rhs` does not extract) the reflected
/// `R(rhs, lhs)`.
pub(super) unsafe extern "C" fn binary_op<L: PyBinaryImpl, R: PyBinaryImpl>(
    lhs: *mut ffi::PyObject,
    rhs: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter (attached) with live operands.
    unsafe {
        trampoline(|py| {
            let (lhs, rhs) = (lhs.assume_borrowed(py), rhs.assume_borrowed(py));
            let result = L::call(py, lhs, rhs)?;
            if is_not_implemented(py, &result) {
                R::call(py, rhs, lhs).map(Bound::into_ptr)
            } else {
                Ok(result.into_ptr())
            }
        })
    }
}

/// `ternaryfunc` entry point of `pow()`: `L(a, b, c)`, else the reflected `R(b, a, c)`.
pub(super) unsafe extern "C" fn ternary_op<L: PyTernaryImpl, R: PyTernaryImpl>(
    a: *mut ffi::PyObject,
    b: *mut ffi::PyObject,
    c: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter (attached) with live operands (`c` is `None` when
    // `pow` got two arguments).
    unsafe {
        trampoline(|py| {
            let (a, b) = (a.assume_borrowed(py), b.assume_borrowed(py));
            let c = Borrowed::from_ptr_or_opt(py, c).unwrap_or(crate::ffi::api::none(py));
            let result = L::call(py, a, b, c)?;
            if is_not_implemented(py, &result) {
                R::call(py, b, a, c).map(Bound::into_ptr)
            } else {
                Ok(result.into_ptr())
            }
        })
    }
}

/// `ternaryfunc` entry point of `__ipow__` and `descrgetfunc` of `__get__` (a NULL argument
/// becomes `None`).
pub(super) unsafe extern "C" fn ternary<F: PyTernaryImpl>(
    slf: *mut ffi::PyObject,
    a: *mut ffi::PyObject,
    b: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter (attached) with a live `slf` and NULL or live
    // arguments.
    unsafe {
        trampoline(|py| {
            let none = crate::ffi::api::none(py);
            let a = Borrowed::from_ptr_or_opt(py, a).unwrap_or(none);
            let b = Borrowed::from_ptr_or_opt(py, b).unwrap_or(none);
            F::call(py, slf.assume_borrowed(py), a, b).map(Bound::into_ptr)
        })
    }
}

/// `ssizeargfunc` entry point of `__repeat__` and `__inplace_repeat__`.
pub(super) unsafe extern "C" fn repeat<F: PyRepeatImpl>(
    slf: *mut ffi::PyObject,
    count: ffi::Py_ssize_t,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter (attached) with a live `slf`.
    unsafe { trampoline(|py| F::call(py, slf.assume_borrowed(py), count).map(Bound::into_ptr)) }
}
