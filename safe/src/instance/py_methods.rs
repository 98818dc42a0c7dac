//! The Python operations of [`Py<T>`] that take a `Python` token (attribute access, calls, truth,
//! reference counts, casts) and the remaining raw-pointer constructors.

use super::{Bound, Py};
use crate::conversion::IntoPyObject;
use crate::err::{CastError, PyResult};
use crate::ffi;
use crate::marker::Python;
use crate::type_object::PyTypeCheck;
use crate::types::{PyAny, PyAnyMethods, PyCallArgs, PyDict, PyString};

impl<T> Py<T> {
    /// The object's reference count.
    #[inline]
    pub fn get_refcnt(&self, py: Python<'_>) -> isize {
        self.bind(py).get_refcnt()
    }

    /// Drops this reference while attached (immediately, without the deferred pool).
    #[inline]
    pub fn drop_ref(self, py: Python<'_>) {
        drop(self.into_bound(py));
    }

    /// `self is None`.
    pub fn is_none(&self, py: Python<'_>) -> bool {
        self.bind(py).as_any().is_none()
    }

    /// `bool(self)`.
    pub fn is_truthy(&self, py: Python<'_>) -> PyResult<bool> {
        self.bind(py).as_any().is_truthy()
    }

    /// `getattr(self, name)`.
    pub fn getattr<'py, N>(&self, py: Python<'py>, attr_name: N) -> PyResult<Py<PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
    {
        self.bind(py).as_any().getattr(attr_name).map(Bound::unbind)
    }

    /// `setattr(self, name, value)`.
    pub fn setattr<'py, N, V>(&self, py: Python<'py>, attr_name: N, value: V) -> PyResult<()>
    where
        N: IntoPyObject<'py, Target = PyString>,
        V: IntoPyObject<'py>,
    {
        self.bind(py).as_any().setattr(attr_name, value)
    }

    /// `self(*args, **kwargs)`.
    pub fn call<'py, A>(
        &self,
        py: Python<'py>,
        args: A,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Py<PyAny>>
    where
        A: PyCallArgs<'py>,
    {
        self.bind(py).as_any().call(args, kwargs).map(Bound::unbind)
    }

    /// `self(*args)`.
    pub fn call1<'py, A>(&self, py: Python<'py>, args: A) -> PyResult<Py<PyAny>>
    where
        A: PyCallArgs<'py>,
    {
        self.bind(py).as_any().call1(args).map(Bound::unbind)
    }

    /// `self()`.
    pub fn call0(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.bind(py).as_any().call0().map(Bound::unbind)
    }

    /// `self.name(*args, **kwargs)`.
    pub fn call_method<'py, N, A>(
        &self,
        py: Python<'py>,
        name: N,
        args: A,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Py<PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
        A: PyCallArgs<'py>,
    {
        self.bind(py).as_any().call_method(name, args, kwargs).map(Bound::unbind)
    }

    /// `self.name(*args)`.
    pub fn call_method1<'py, N, A>(&self, py: Python<'py>, name: N, args: A) -> PyResult<Py<PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
        A: PyCallArgs<'py>,
    {
        self.bind(py).as_any().call_method1(name, args).map(Bound::unbind)
    }

    /// `self.name()`.
    pub fn call_method0<'py, N>(&self, py: Python<'py>, name: N) -> PyResult<Py<PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
    {
        self.bind(py).as_any().call_method0(name).map(Bound::unbind)
    }

    /// Attaches and casts to `U` (checked), borrowing.
    pub fn cast_bound<'py, U: PyTypeCheck>(
        &self,
        py: Python<'py>,
    ) -> Result<&Bound<'py, U>, CastError<'_, 'py>> {
        self.bind(py).as_any().cast::<U>()
    }

    /// A new owned reference to a borrowed pointer, or the pending exception on NULL.
    ///
    /// # Safety
    /// `ptr` must be NULL or point to a live object of type `T`.
    #[inline]
    pub unsafe fn from_borrowed_ptr_or_err(
        py: Python<'_>,
        ptr: *mut ffi::PyObject,
    ) -> PyResult<Py<T>> {
        // SAFETY: forwarded from the caller.
        unsafe {
            Bound::from_borrowed_ptr_or_err(py, ptr).map(|b| b.cast_into_unchecked().unbind())
        }
    }

    /// A new owned reference to a borrowed pointer, or `None` on NULL.
    ///
    /// # Safety
    /// `ptr` must be NULL or point to a live object of type `T`.
    #[inline]
    pub unsafe fn from_borrowed_ptr_or_opt(
        py: Python<'_>,
        ptr: *mut ffi::PyObject,
    ) -> Option<Py<T>> {
        // SAFETY: forwarded from the caller.
        unsafe {
            Bound::from_borrowed_ptr_or_opt(py, ptr).map(|b| b.cast_into_unchecked().unbind())
        }
    }
}
