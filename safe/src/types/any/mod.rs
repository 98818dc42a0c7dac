//! [`PyAny`], any Python object, and [`PyAnyMethods`], the operations every object supports.

mod bound_impl;
mod methods;

pub use methods::PyAnyMethods;

use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi;
use crate::instance::{Bound, BoundObject};
use crate::types::{PyStringMethods, PyTuple};
use std::cell::UnsafeCell;
use std::cmp::Ordering;

/// Any Python object; the target type of `Bound<'py, PyAny>`. Never held by value.
#[repr(transparent)]
pub struct PyAny(UnsafeCell<ffi::PyObject>);

/// Positional arguments for [`PyAnyMethods::call`]: a tuple of convertible values, or a
/// `Bound<PyTuple>`.
pub trait PyCallArgs<'py> {
    /// The argument tuple.
    fn into_args(self, py: crate::Python<'py>) -> PyResult<Bound<'py, PyTuple>>;
}

impl<'py, T> PyCallArgs<'py> for T
where
    T: IntoPyObject<'py, Target = PyTuple>,
{
    fn into_args(self, py: crate::Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.into_pyobject(py).map(BoundObject::into_bound).map_err(Into::into)
    }
}

pub(crate) fn to_object<'py, T: IntoPyObject<'py>>(
    py: crate::Python<'py>,
    v: T,
) -> PyResult<Bound<'py, PyAny>> {
    v.into_pyobject(py).map(|o| o.into_any().into_bound()).map_err(Into::into)
}

/// The six rich comparison operators (PyO3's `pyclass::CompareOp`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    /// `<`
    Lt = 0,
    /// `<=`
    Le = 1,
    /// `==`
    Eq = 2,
    /// `!=`
    Ne = 3,
    /// `>`
    Gt = 4,
    /// `>=`
    Ge = 5,
}

impl CompareOp {
    /// The operator of a C `Py_LT` … `Py_GE` value; `None` for any other value.
    pub fn from_raw(op: std::ffi::c_int) -> Option<Self> {
        [Self::Lt, Self::Le, Self::Eq, Self::Ne, Self::Gt, Self::Ge]
            .into_iter()
            .find(|candidate| candidate.raw() == op)
    }

    /// Whether a Rust [`Ordering`] satisfies this comparison (`Lt.matches(Less)`, …).
    pub fn matches(&self, result: Ordering) -> bool {
        match self {
            CompareOp::Lt => result == Ordering::Less,
            CompareOp::Le => result != Ordering::Greater,
            CompareOp::Eq => result == Ordering::Equal,
            CompareOp::Ne => result != Ordering::Equal,
            CompareOp::Gt => result == Ordering::Greater,
            CompareOp::Ge => result != Ordering::Less,
        }
    }

    pub(crate) fn raw(self) -> std::ffi::c_int {
        (match self {
            CompareOp::Lt => ffi::Py_LT,
            CompareOp::Le => ffi::Py_LE,
            CompareOp::Eq => ffi::Py_EQ,
            CompareOp::Ne => ffi::Py_NE,
            CompareOp::Gt => ffi::Py_GT,
            CompareOp::Ge => ffi::Py_GE,
        }) as std::ffi::c_int
    }
}

impl<T> std::fmt::Display for Bound<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.as_any().str() {
            Ok(s) => f.write_str(&s.to_cow().map_err(|_| std::fmt::Error)?),
            Err(_) => f.write_str("<unprintable object>"),
        }
    }
}

impl<T> std::fmt::Debug for Bound<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.as_any().repr() {
            Ok(s) => f.write_str(&s.to_cow().map_err(|_| std::fmt::Error)?),
            Err(_) => f.write_str("<unrepresentable object>"),
        }
    }
}

impl<T> std::fmt::Display for crate::instance::Borrowed<'_, '_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&**self, f)
    }
}

impl<T> std::fmt::Debug for crate::instance::Borrowed<'_, '_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}
