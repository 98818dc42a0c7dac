//! [`PyAnyMethods`]: the declaration of the operations every object supports.

use super::{CompareOp, PyCallArgs};
use crate::conversion::IntoPyObject;
use crate::err::PyResult;
use crate::ffi;
use crate::instance::Bound;
use crate::type_object::PyTypeInfo;
use crate::types::{PyAny, PyDict, PyIterator, PyString, PyType};
use std::cmp::Ordering;

/// The operations of every Python object, on `Bound<'py, PyAny>` (and, by deref, on every
/// `Bound<'py, PyX>`).
pub trait PyAnyMethods<'py> {
    /// `getattr(self, name)`.
    fn getattr<N: IntoPyObject<'py, Target = PyString>>(
        &self,
        name: N,
    ) -> PyResult<Bound<'py, PyAny>>;
    /// `getattr(self, name)`, with `None` instead of an `AttributeError` (other exceptions
    /// propagate).
    fn getattr_opt<N: IntoPyObject<'py, Target = PyString>>(
        &self,
        name: N,
    ) -> PyResult<Option<Bound<'py, PyAny>>>;
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
    /// `-self`.
    fn neg(&self) -> PyResult<Bound<'py, PyAny>>;
    /// `+self`.
    fn pos(&self) -> PyResult<Bound<'py, PyAny>>;
    /// `abs(self)`.
    fn abs(&self) -> PyResult<Bound<'py, PyAny>>;
    /// `~self`.
    fn bitnot(&self) -> PyResult<Bound<'py, PyAny>>;
    /// `self + other`.
    fn add<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self - other`.
    fn sub<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self * other`.
    fn mul<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self @ other`.
    fn matmul<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self / other`.
    fn div<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self // other`.
    fn floor_div<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self % other`.
    fn rem<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `divmod(self, other)`.
    fn divmod<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self << other`.
    fn lshift<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self >> other`.
    fn rshift<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `pow(self, other, modulus)`; pass `None` as `modulus` for `self ** other`.
    fn pow<O1, O2>(&self, other: O1, modulus: O2) -> PyResult<Bound<'py, PyAny>>
    where
        O1: IntoPyObject<'py>,
        O2: IntoPyObject<'py>;
    /// `self & other`.
    fn bitand<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self | other`.
    fn bitor<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self ^ other`.
    fn bitxor<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `value in self`.
    fn contains<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<bool>;
    /// Whether `type(self) is ty`.
    fn is_exact_instance(&self, ty: &Bound<'py, PyAny>) -> bool;
    /// `type(self)` as a raw pointer (borrowed: the object keeps its type alive).
    fn get_type_ptr(&self) -> *mut ffi::PyTypeObject;
    /// Three-way comparison through `==` and `<` (a `TypeError` if neither holds nor `>`).
    fn compare<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Ordering>;
}
