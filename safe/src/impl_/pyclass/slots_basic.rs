//! The basic type slots of a class: the safe traits the macro output implements for `__new__`,
//! `__repr__`, `__richcmp__`, `__len__`, … (each receives the instance as a `Borrowed<PyAny>`)
//! and their C entry points, which [`PyClassSlot`](super::PyClassSlot)'s const fns name.

use crate::err::{PyErr, PyResult};
use crate::exceptions::PyOverflowError;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::impl_::extract::{ArgSource, TupleArgs};
use crate::impl_::trampoline::trampoline;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::pyclass::{CompareOp, PyClass, PyClassInitializer, PyTraverseError, PyVisit};
use crate::types::{PyAny, PyType};
use std::os::raw::c_int;

/// `__repr__`, `__str__`, `__iter__`: one object from the instance.
pub trait PyUnaryImpl {
    /// Runs the method.
    fn call<'py>(py: Python<'py>, slf: Borrowed<'_, 'py, PyAny>) -> PyResult<Bound<'py, PyAny>>;
}

/// `__getitem__`: one object from the instance and an argument.
pub trait PyBinaryImpl {
    /// Runs the method.
    fn call<'py>(
        py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
        arg: Borrowed<'_, 'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>>;
}

/// `__next__`: the next item, or `None` when exhausted (`StopIteration`).
pub trait PyIterNextImpl {
    /// Runs the method.
    fn next<'py>(
        py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
    ) -> PyResult<Option<Bound<'py, PyAny>>>;
}

/// `__hash__` (the macro output converts the user's `u64`/`isize` with `as isize`).
pub trait PyHashImpl {
    /// Runs the method.
    fn hash(py: Python<'_>, slf: Borrowed<'_, '_, PyAny>) -> PyResult<isize>;
}

/// `__len__`.
pub trait PyLenImpl {
    /// Runs the method.
    fn len(py: Python<'_>, slf: Borrowed<'_, '_, PyAny>) -> PyResult<usize>;
}

/// `__bool__`.
pub trait PyInquiryImpl {
    /// Runs the method.
    fn call(py: Python<'_>, slf: Borrowed<'_, '_, PyAny>) -> PyResult<bool>;
}

/// `__contains__`.
pub trait PyContainsImpl {
    /// Runs the method.
    fn contains(
        py: Python<'_>,
        slf: Borrowed<'_, '_, PyAny>,
        value: Borrowed<'_, '_, PyAny>,
    ) -> PyResult<bool>;
}

/// `__richcmp__` (the macro output returns `NotImplemented` when `other` does not extract).
pub trait PyRichCompareImpl {
    /// Runs the method.
    fn richcmp<'py>(
        py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
        other: Borrowed<'_, 'py, PyAny>,
        op: CompareOp,
    ) -> PyResult<Bound<'py, PyAny>>;
}

/// `#[new]`: the initializer of a new instance of `Class` (or of the Python subclass `cls`).
pub trait PyClassNewImpl {
    /// The class made.
    type Class: PyClass;
    /// Extracts the arguments and runs the constructor.
    fn new<'a, 'py, A: ArgSource<'a, 'py>>(
        py: Python<'py>,
        cls: Borrowed<'a, 'py, PyType>,
        args: A,
    ) -> PyResult<PyClassInitializer<Self::Class>>;
}

/// `__traverse__`: reports the Python references of the value to the collector; runs without a
/// `Python` token and must not call into Python.
pub trait PyTraverseImpl {
    /// The class traversed.
    type Class: PyClass;
    /// Runs the method.
    fn traverse(slf: &Self::Class, visit: PyVisit<'_>) -> Result<(), PyTraverseError>;
}

/// `__clear__`: drops the Python references of the value.
pub trait PyClearImpl {
    /// Runs the method.
    fn clear(py: Python<'_>, slf: Borrowed<'_, '_, PyAny>) -> PyResult<()>;
}

/// What a `#[new]` returns: the value, an initializer, or a `Result` of either.
pub trait IntoPyClassInitializer<T: PyClass> {
    /// The initializer.
    fn into_initializer(self) -> PyResult<PyClassInitializer<T>>;
}

impl<T: PyClass, U: Into<PyClassInitializer<T>>> IntoPyClassInitializer<T> for U {
    fn into_initializer(self) -> PyResult<PyClassInitializer<T>> {
        Ok(self.into())
    }
}

impl<T: PyClass, U: Into<PyClassInitializer<T>>, E: Into<PyErr>> IntoPyClassInitializer<T>
    for Result<U, E>
{
    fn into_initializer(self) -> PyResult<PyClassInitializer<T>> {
        self.map(Into::into).map_err(Into::into)
    }
}

/// Converts a `#[new]`'s result (for macro output).
pub fn into_initializer<T: PyClass, R: IntoPyClassInitializer<T>>(
    result: R,
) -> PyResult<PyClassInitializer<T>> {
    result.into_initializer()
}

/// The `tp_new` entry point.
pub(super) unsafe extern "C" fn tp_new<F: PyClassNewImpl>(
    subtype: *mut ffi::PyTypeObject,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter, so attached.
    unsafe {
        trampoline(|py| {
            // SAFETY: the interpreter passes a live type (the class or a subclass), a live
            // tuple and NULL or a live dict, kept alive for the call.
            let cls =
                subtype.cast::<ffi::PyObject>().assume_borrowed(py).cast_unchecked::<PyType>();
            let args = args.assume_borrowed(py).cast_unchecked::<crate::types::PyTuple>();
            let kwargs = Borrowed::from_ptr_or_opt(py, kwargs)
                .map(|d| d.cast_unchecked::<crate::types::PyDict>());
            let pairs = kwargs.map(crate::ffi::api::dict_items_owned);
            let view = TupleArgs { args, kwargs: pairs.as_deref() };
            let init = F::new(py, cls, view)?;
            // SAFETY: `subtype` is the class's type or a subtype (the interpreter calls a type's
            // own or inherited `tp_new`).
            init.create_class_object_of_type(py, subtype).map(Bound::into_ptr)
        })
    }
}

/// `vectorcallfunc` of a class type: `#[new]` with the caller's argument vector, then the
/// object of exactly the class (subclasses do not inherit `tp_vectorcall`).
#[cfg(not(any(Py_LIMITED_API, PyPy)))]
pub(super) unsafe extern "C" fn vectorcall_new<F: PyClassNewImpl>(
    callable: *mut ffi::PyObject,
    args: *const *mut ffi::PyObject,
    nargsf: usize,
    kwnames: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter, so attached.
    unsafe {
        trampoline(|py| {
            // SAFETY: `callable` is the class's type object (the vectorcall of a type is
            // never inherited); the argument vector follows the vectorcall protocol.
            let cls = callable.assume_borrowed(py).cast_unchecked::<PyType>();
            let nargs = (nargsf & !ffi::PY_VECTORCALL_ARGUMENTS_OFFSET) as ffi::Py_ssize_t;
            let view = crate::impl_::pyfunction::fastcall_view(py, args, nargs, kwnames);
            let init = F::new(py, cls, view)?;
            init.create_class_object_of_type(py, callable.cast()).map(Bound::into_ptr)
        })
    }
}

/// `reprfunc`/`getiterfunc` entry point.
pub(super) unsafe extern "C" fn unary<F: PyUnaryImpl>(
    slf: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter (attached) with a live `slf`.
    unsafe { trampoline(|py| F::call(py, slf.assume_borrowed(py)).map(Bound::into_ptr)) }
}

/// `binaryfunc` entry point.
pub(super) unsafe extern "C" fn binary<F: PyBinaryImpl>(
    slf: *mut ffi::PyObject,
    arg: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter (attached) with live `slf` and `arg`.
    unsafe {
        trampoline(|py| {
            F::call(py, slf.assume_borrowed(py), arg.assume_borrowed(py)).map(Bound::into_ptr)
        })
    }
}

/// `iternextfunc` entry point: NULL without an exception ends the iteration.
pub(super) unsafe extern "C" fn iternext<F: PyIterNextImpl>(
    slf: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter (attached) with a live `slf`.
    unsafe {
        trampoline(|py| {
            Ok(F::next(py, slf.assume_borrowed(py))?.map_or(std::ptr::null_mut(), Bound::into_ptr))
        })
    }
}

/// `hashfunc` entry point (-1 is reserved for errors and becomes -2).
pub(super) unsafe extern "C" fn hash<F: PyHashImpl>(slf: *mut ffi::PyObject) -> ffi::Py_hash_t {
    // SAFETY: called by the interpreter (attached) with a live `slf`.
    unsafe {
        trampoline(|py| {
            let h = F::hash(py, slf.assume_borrowed(py))?;
            Ok((if h == -1 { -2 } else { h }) as ffi::Py_hash_t)
        })
    }
}

/// `lenfunc` entry point.
pub(super) unsafe extern "C" fn len<F: PyLenImpl>(slf: *mut ffi::PyObject) -> ffi::Py_ssize_t {
    // SAFETY: called by the interpreter (attached) with a live `slf`.
    unsafe {
        trampoline(|py| {
            let n = F::len(py, slf.assume_borrowed(py))?;
            ffi::Py_ssize_t::try_from(n)
                .map_err(|_| PyOverflowError::new_err("length does not fit in Py_ssize_t"))
        })
    }
}

/// `inquiry` entry point for `nb_bool`.
pub(super) unsafe extern "C" fn inquiry<F: PyInquiryImpl>(slf: *mut ffi::PyObject) -> c_int {
    // SAFETY: called by the interpreter (attached) with a live `slf`.
    unsafe { trampoline(|py| F::call(py, slf.assume_borrowed(py)).map(c_int::from)) }
}

/// `objobjproc` entry point for `sq_contains`.
pub(super) unsafe extern "C" fn contains<F: PyContainsImpl>(
    slf: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
) -> c_int {
    // SAFETY: called by the interpreter (attached) with live `slf` and `value`.
    unsafe {
        trampoline(|py| {
            F::contains(py, slf.assume_borrowed(py), value.assume_borrowed(py)).map(c_int::from)
        })
    }
}

/// `richcmpfunc` entry point.
pub(super) unsafe extern "C" fn richcompare<F: PyRichCompareImpl>(
    slf: *mut ffi::PyObject,
    other: *mut ffi::PyObject,
    op: c_int,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter (attached) with live `slf` and `other`.
    unsafe {
        trampoline(|py| {
            let op = compare_op(op)?;
            F::richcmp(py, slf.assume_borrowed(py), other.assume_borrowed(py), op)
                .map(Bound::into_ptr)
        })
    }
}

/// The `CompareOp` of a C comparison code.
fn compare_op(op: c_int) -> PyResult<CompareOp> {
    Ok(match op as u32 {
        ffi::Py_LT => CompareOp::Lt,
        ffi::Py_LE => CompareOp::Le,
        ffi::Py_EQ => CompareOp::Eq,
        ffi::Py_NE => CompareOp::Ne,
        ffi::Py_GT => CompareOp::Gt,
        ffi::Py_GE => CompareOp::Ge,
        _ => return Err(crate::exceptions::PySystemError::new_err("invalid comparison operator")),
    })
}

/// `inquiry` entry point for `tp_clear`.
pub(super) unsafe extern "C" fn clear<F: PyClearImpl>(slf: *mut ffi::PyObject) -> c_int {
    // SAFETY: called by the interpreter (attached) with a live `slf`.
    unsafe { trampoline(|py| F::clear(py, slf.assume_borrowed(py)).map(|()| 0)) }
}
