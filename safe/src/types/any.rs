//! [`PyAny`], any Python object, and [`PyAnyMethods`], the operations every object supports.

use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::instance::{Bound, BoundObject};
use crate::type_object::PyTypeInfo;
use crate::types::{PyDict, PyIterator, PyString, PyStringMethods, PyTuple, PyType};
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

fn to_object<'py, T: IntoPyObject<'py>>(
    py: crate::Python<'py>,
    v: T,
) -> PyResult<Bound<'py, PyAny>> {
    v.into_pyobject(py).map(|o| o.into_any().into_bound()).map_err(Into::into)
}

/// The operations of every Python object, on `Bound<'py, PyAny>` (and, by deref, on every
/// `Bound<'py, PyX>`).
pub trait PyAnyMethods<'py> {
    /// `getattr(self, name)`.
    fn getattr<N: IntoPyObject<'py, Target = PyString>>(
        &self,
        name: N,
    ) -> PyResult<Bound<'py, PyAny>>;
    /// `hasattr(self, name)` (other exceptions than `AttributeError` propagate).
    fn hasattr<N: IntoPyObject<'py, Target = PyString>>(&self, name: N) -> PyResult<bool>;
    /// `setattr(self, name, value)`.
    fn setattr<N, V>(&self, name: N, value: V) -> PyResult<()>
    where
        N: IntoPyObject<'py, Target = PyString>,
        V: IntoPyObject<'py>;
    /// `delattr(self, name)`.
    fn delattr<N: IntoPyObject<'py, Target = PyString>>(&self, name: N) -> PyResult<()>;
    /// `self(*args, **kwargs)`.
    fn call<A: PyCallArgs<'py>>(
        &self,
        args: A,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>>;
    /// `self()`.
    fn call0(&self) -> PyResult<Bound<'py, PyAny>>;
    /// `self(*args)`.
    fn call1<A: PyCallArgs<'py>>(&self, args: A) -> PyResult<Bound<'py, PyAny>>;
    /// `self.name(*args, **kwargs)`.
    fn call_method<N, A>(
        &self,
        name: N,
        args: A,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
        A: PyCallArgs<'py>;
    /// `self.name()`.
    fn call_method0<N: IntoPyObject<'py, Target = PyString>>(
        &self,
        name: N,
    ) -> PyResult<Bound<'py, PyAny>>;
    /// `self.name(*args)`.
    fn call_method1<N, A>(&self, name: N, args: A) -> PyResult<Bound<'py, PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
        A: PyCallArgs<'py>;
    /// `self is None`.
    fn is_none(&self) -> bool;
    /// `bool(self)`.
    fn is_truthy(&self) -> PyResult<bool>;
    /// `len(self)`.
    fn len(&self) -> PyResult<usize>;
    /// `len(self) == 0`.
    fn is_empty(&self) -> PyResult<bool>;
    /// `hash(self)`.
    fn hash(&self) -> PyResult<isize>;
    /// `repr(self)`.
    fn repr(&self) -> PyResult<Bound<'py, PyString>>;
    /// `str(self)`.
    fn str(&self) -> PyResult<Bound<'py, PyString>>;
    /// `type(self)`.
    fn get_type(&self) -> Bound<'py, PyType>;
    /// `iter(self)`: `TypeError` if the object is not iterable.
    fn try_iter(&self) -> PyResult<Bound<'py, PyIterator>>;
    /// `self[key]`.
    fn get_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<Bound<'py, PyAny>>;
    /// `self[key] = value`.
    fn set_item<K: IntoPyObject<'py>, V: IntoPyObject<'py>>(
        &self,
        key: K,
        value: V,
    ) -> PyResult<()>;
    /// `del self[key]`.
    fn del_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<()>;
    /// `isinstance(self, ty)`.
    fn is_instance(&self, ty: &Bound<'py, PyAny>) -> PyResult<bool>;
    /// Whether `self` is an instance of `T` (or a subclass).
    fn is_instance_of<T: PyTypeInfo>(&self) -> bool;
    /// Whether `type(self)` is exactly `T`.
    fn is_exact_instance_of<T: PyTypeInfo>(&self) -> bool;
    /// `callable(self)`.
    fn is_callable(&self) -> bool;
    /// `dir(self)`.
    fn dir(&self) -> PyResult<Bound<'py, crate::types::PyList>>;
    /// `PyObject_RichCompare(self, other, op)`.
    fn rich_compare<O: IntoPyObject<'py>>(
        &self,
        other: O,
        op: CompareOp,
    ) -> PyResult<Bound<'py, PyAny>>;
    /// `self == other`.
    fn eq<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool>;
    /// `self != other`.
    fn ne<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool>;
    /// `self < other`.
    fn lt<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool>;
    /// `self <= other`.
    fn le<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool>;
    /// `self > other`.
    fn gt<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool>;
    /// `self >= other`.
    fn ge<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool>;
    /// Three-way comparison through `==` and `<` (a `TypeError` if neither holds nor `>`).
    fn compare<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Ordering>;
}

/// The six rich comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CompareOp {
    /// Whether `result` (of comparing the left operand with the right) satisfies the operator:
    /// `CompareOp::Le.matches(Ordering::Less)` is true.
    pub fn matches(self, result: Ordering) -> bool {
        match self {
            CompareOp::Lt => result == Ordering::Less,
            CompareOp::Le => result != Ordering::Greater,
            CompareOp::Eq => result == Ordering::Equal,
            CompareOp::Ne => result != Ordering::Equal,
            CompareOp::Gt => result == Ordering::Greater,
            CompareOp::Ge => result != Ordering::Less,
        }
    }

    fn raw(self) -> std::ffi::c_int {
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

impl<'py> PyAnyMethods<'py> for Bound<'py, PyAny> {
    fn getattr<N: IntoPyObject<'py, Target = PyString>>(
        &self,
        name: N,
    ) -> PyResult<Bound<'py, PyAny>> {
        api::getattr(self, &to_object(self.py(), name)?)
    }

    fn hasattr<N: IntoPyObject<'py, Target = PyString>>(&self, name: N) -> PyResult<bool> {
        match self.getattr(name) {
            Ok(_) => Ok(true),
            Err(e) if e.is_instance_of::<crate::exceptions::PyAttributeError>(self.py()) => {
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }

    fn setattr<N, V>(&self, name: N, value: V) -> PyResult<()>
    where
        N: IntoPyObject<'py, Target = PyString>,
        V: IntoPyObject<'py>,
    {
        let py = self.py();
        api::setattr(self, &to_object(py, name)?, &to_object(py, value)?)
    }

    fn delattr<N: IntoPyObject<'py, Target = PyString>>(&self, name: N) -> PyResult<()> {
        api::delattr(self, &to_object(self.py(), name)?)
    }

    fn call<A: PyCallArgs<'py>>(
        &self,
        args: A,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        api::call(self, &args.into_args(self.py())?, kwargs)
    }

    fn call0(&self) -> PyResult<Bound<'py, PyAny>> {
        api::call0(self)
    }

    fn call1<A: PyCallArgs<'py>>(&self, args: A) -> PyResult<Bound<'py, PyAny>> {
        self.call(args, None)
    }

    fn call_method<N, A>(
        &self,
        name: N,
        args: A,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
        A: PyCallArgs<'py>,
    {
        self.getattr(name)?.call(args, kwargs)
    }

    fn call_method0<N: IntoPyObject<'py, Target = PyString>>(
        &self,
        name: N,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.getattr(name)?.call0()
    }

    fn call_method1<N, A>(&self, name: N, args: A) -> PyResult<Bound<'py, PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
        A: PyCallArgs<'py>,
    {
        self.getattr(name)?.call1(args)
    }

    fn is_none(&self) -> bool {
        self.as_ptr() == api::none(self.py()).as_ptr()
    }

    fn is_truthy(&self) -> PyResult<bool> {
        api::is_truthy(self)
    }

    fn len(&self) -> PyResult<usize> {
        api::len(self)
    }

    fn is_empty(&self) -> PyResult<bool> {
        self.len().map(|n| n == 0)
    }

    fn hash(&self) -> PyResult<isize> {
        api::hash(self)
    }

    fn repr(&self) -> PyResult<Bound<'py, PyString>> {
        api::repr(self)?.cast_into::<PyString>().map_err(Into::into)
    }

    fn str(&self) -> PyResult<Bound<'py, PyString>> {
        api::str(self)?.cast_into::<PyString>().map_err(Into::into)
    }

    fn get_type(&self) -> Bound<'py, PyType> {
        api::get_type(self)
    }

    fn try_iter(&self) -> PyResult<Bound<'py, PyIterator>> {
        PyIterator::from_object(self)
    }

    fn get_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<Bound<'py, PyAny>> {
        api::get_item(self, &to_object(self.py(), key)?)
    }

    fn set_item<K: IntoPyObject<'py>, V: IntoPyObject<'py>>(
        &self,
        key: K,
        value: V,
    ) -> PyResult<()> {
        let py = self.py();
        api::set_item(self, &to_object(py, key)?, &to_object(py, value)?)
    }

    fn del_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<()> {
        api::del_item(self, &to_object(self.py(), key)?)
    }

    fn is_instance(&self, ty: &Bound<'py, PyAny>) -> PyResult<bool> {
        api::is_instance(self, ty)
    }

    fn is_instance_of<T: PyTypeInfo>(&self) -> bool {
        T::is_type_of(self)
    }

    fn is_exact_instance_of<T: PyTypeInfo>(&self) -> bool {
        T::is_exact_type_of(self)
    }

    fn is_callable(&self) -> bool {
        api::is_callable(self)
    }

    fn dir(&self) -> PyResult<Bound<'py, crate::types::PyList>> {
        api::dir(self)?.cast_into().map_err(Into::into)
    }

    fn rich_compare<O: IntoPyObject<'py>>(
        &self,
        other: O,
        op: CompareOp,
    ) -> PyResult<Bound<'py, PyAny>> {
        api::rich_compare(self, &to_object(self.py(), other)?, op.raw())
    }

    fn eq<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool> {
        self.rich_compare(other, CompareOp::Eq)?.is_truthy()
    }

    fn ne<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool> {
        self.rich_compare(other, CompareOp::Ne)?.is_truthy()
    }

    fn lt<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool> {
        self.rich_compare(other, CompareOp::Lt)?.is_truthy()
    }

    fn le<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool> {
        self.rich_compare(other, CompareOp::Le)?.is_truthy()
    }

    fn gt<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool> {
        self.rich_compare(other, CompareOp::Gt)?.is_truthy()
    }

    fn ge<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool> {
        self.rich_compare(other, CompareOp::Ge)?.is_truthy()
    }

    fn compare<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Ordering> {
        let other = to_object(self.py(), other)?;
        if self.eq(&other)? {
            Ok(Ordering::Equal)
        } else if self.lt(&other)? {
            Ok(Ordering::Less)
        } else if self.gt(&other)? {
            Ok(Ordering::Greater)
        } else {
            Err(crate::exceptions::PyTypeError::new_err(
                "PyAny::compare(): values are not comparable",
            ))
        }
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
