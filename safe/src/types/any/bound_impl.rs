//! [`PyAnyMethods`] implemented for `Bound<'py, PyAny>`.

use super::{to_object, CompareOp, PyAnyMethods, PyCallArgs};
use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api::{self, Operator, UnaryOperator};
use crate::instance::Bound;
use crate::type_object::PyTypeInfo;
use crate::types::{PyAny, PyDict, PyIterator, PyString, PyType};
use std::cmp::Ordering;

macro_rules! binary_operators {
    ($($name:ident => $op:ident),* $(,)?) => {$(
        fn $name<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>> {
            api::binary_operator(self, &to_object(self.py(), other)?, Operator::$op)
        }
    )*};
}

impl<'py> PyAnyMethods<'py> for Bound<'py, PyAny> {
    fn getattr<N: IntoPyObject<'py, Target = PyString>>(
        &self,
        name: N,
    ) -> PyResult<Bound<'py, PyAny>> {
        api::getattr(self, &to_object(self.py(), name)?)
    }

    fn getattr_opt<N: IntoPyObject<'py, Target = PyString>>(
        &self,
        name: N,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self.getattr(name) {
            Ok(value) => Ok(Some(value)),
            Err(e) if e.is_instance_of::<crate::exceptions::PyAttributeError>(self.py()) => {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    fn hasattr<N: IntoPyObject<'py, Target = PyString>>(&self, name: N) -> PyResult<bool> {
        self.getattr_opt(name).map(|found| found.is_some())
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

    fn neg(&self) -> PyResult<Bound<'py, PyAny>> {
        api::unary_operator(self, UnaryOperator::Neg)
    }

    fn pos(&self) -> PyResult<Bound<'py, PyAny>> {
        api::unary_operator(self, UnaryOperator::Pos)
    }

    fn abs(&self) -> PyResult<Bound<'py, PyAny>> {
        api::unary_operator(self, UnaryOperator::Abs)
    }

    fn bitnot(&self) -> PyResult<Bound<'py, PyAny>> {
        api::unary_operator(self, UnaryOperator::Invert)
    }

    binary_operators! {
        add => Add, sub => Sub, mul => Mul, matmul => MatMul, div => Div,
        floor_div => FloorDiv, rem => Rem, divmod => Divmod, lshift => LShift,
        rshift => RShift, bitand => BitAnd, bitor => BitOr, bitxor => BitXor,
    }

    fn pow<O1, O2>(&self, other: O1, modulus: O2) -> PyResult<Bound<'py, PyAny>>
    where
        O1: IntoPyObject<'py>,
        O2: IntoPyObject<'py>,
    {
        let py = self.py();
        api::power(self, &to_object(py, other)?, &to_object(py, modulus)?)
    }

    fn contains<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<bool> {
        api::sequence_contains(self, &to_object(self.py(), value)?)
    }

    fn is_exact_instance(&self, ty: &Bound<'py, PyAny>) -> bool {
        self.get_type().as_ptr() == ty.as_ptr()
    }

    fn get_type_ptr(&self) -> *mut ffi::PyTypeObject {
        api::type_ptr(self)
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
