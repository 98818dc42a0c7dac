//! [`PyClassGuard`] and [`PyClassGuardMut`]: borrows of a class instance's value that hold the
//! borrow flag but no reference (the object is kept alive by whatever the guard was made from),
//! so taking one costs no reference-count traffic. `PyRef`/`PyRefMut` own a reference instead.

use super::borrow::{check_thread, layout, PyBorrowError, PyBorrowMutError};
use super::layout::PyClassObject;
use super::{boolean_struct::False, PyClass};
use crate::conversion::{FromPyObject, IntoPyObject};
use crate::err::{PyErr, PyResult};
use crate::ffi;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::PyAny;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

/// A shared borrow of a `#[pyclass]` value, for as long as `'a` (the borrowed object's
/// lifetime). Made by `obj.extract::<PyClassGuard<'_, T>>()`, `PyClassGuard::try_from(&bound)`
/// or taken as a method receiver; dereferences to `T`.
pub struct PyClassGuard<'a, T: PyClass> {
    obj: NonNull<ffi::PyObject>,
    _marker: PhantomData<&'a T>,
}

/// An exclusive borrow of a (non-`frozen`) `#[pyclass]` value, for as long as `'a`;
/// dereferences to `&mut T`.
pub struct PyClassGuardMut<'a, T: PyClass<Frozen = False>> {
    obj: NonNull<ffi::PyObject>,
    _marker: PhantomData<&'a mut T>,
}

impl<'a, T: PyClass> PyClassGuard<'a, T> {
    /// Borrows the value of `obj` (an error if it is mutably borrowed, or `unsendable` and
    /// owned by another thread).
    fn try_borrow(obj: Borrowed<'a, '_, T>) -> PyResult<Self> {
        check_thread(&obj)?;
        // SAFETY: `obj` is a live instance of `T` (its type was checked when it was made).
        unsafe { PyClassObject::flag(layout(&obj)) }
            .try_borrow()
            .map_err(|_| PyErr::from(PyBorrowError::new()))?;
        Ok(PyClassGuard { obj: non_null(obj.as_ptr()), _marker: PhantomData })
    }

    fn layout(&self) -> *mut PyClassObject<T> {
        self.obj.as_ptr().cast()
    }

    /// The object, borrowed for `'a`.
    pub fn as_borrowed<'py>(&self, py: Python<'py>) -> Borrowed<'a, 'py, T> {
        // SAFETY: the object lives for `'a` (the guard borrows it) and is an instance of `T`;
        // `py` says the thread is attached.
        unsafe { Borrowed::from_non_null(py, self.obj) }
    }
}

impl<'a, T: PyClass<Frozen = False>> PyClassGuardMut<'a, T> {
    /// Borrows the value of `obj` exclusively (an error if it is borrowed at all, or
    /// `unsendable` and owned by another thread).
    fn try_borrow_mut(obj: Borrowed<'a, '_, T>) -> PyResult<Self> {
        check_thread(&obj)?;
        // SAFETY: `obj` is a live instance of `T` (its type was checked when it was made).
        unsafe { PyClassObject::flag(layout(&obj)) }
            .try_borrow_mut()
            .map_err(|_| PyErr::from(PyBorrowMutError::new()))?;
        Ok(PyClassGuardMut { obj: non_null(obj.as_ptr()), _marker: PhantomData })
    }

    fn layout(&self) -> *mut PyClassObject<T> {
        self.obj.as_ptr().cast()
    }

    /// The object, borrowed for `'a`.
    pub fn as_borrowed<'py>(&self, py: Python<'py>) -> Borrowed<'a, 'py, T> {
        // SAFETY: the object lives for `'a` (the guard borrows it) and is an instance of `T`;
        // `py` says the thread is attached.
        unsafe { Borrowed::from_non_null(py, self.obj) }
    }
}

impl<T: PyClass> Deref for PyClassGuard<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the guard holds a shared borrow of the flag, so no `&mut T` exists while the
        // returned reference (tied to `self`) lives; the object outlives the guard.
        unsafe { &*PyClassObject::value(self.layout()).get() }
    }
}

impl<T: PyClass<Frozen = False>> Deref for PyClassGuardMut<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the guard holds the exclusive borrow; the reference is tied to `&self`.
        unsafe { &*PyClassObject::value(self.layout()).get() }
    }
}

impl<T: PyClass<Frozen = False>> DerefMut for PyClassGuardMut<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the guard holds the exclusive borrow; the reference is tied to `&mut self`.
        unsafe { &mut *PyClassObject::value(self.layout()).get() }
    }
}

impl<T: PyClass> Drop for PyClassGuard<'_, T> {
    fn drop(&mut self) {
        // SAFETY: the object is a live instance of `T` whose shared borrow this guard holds.
        unsafe { PyClassObject::flag(self.layout()) }.release_borrow();
    }
}

impl<T: PyClass<Frozen = False>> Drop for PyClassGuardMut<'_, T> {
    fn drop(&mut self) {
        // SAFETY: the object is a live instance of `T` whose exclusive borrow this guard holds.
        unsafe { PyClassObject::flag(self.layout()) }.release_borrow_mut();
    }
}

impl<T: PyClass + fmt::Debug> fmt::Debug for PyClassGuard<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: PyClass<Frozen = False> + fmt::Debug> fmt::Debug for PyClassGuardMut<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<'a, 'py, T: PyClass> TryFrom<&'a Bound<'py, T>> for PyClassGuard<'a, T> {
    type Error = PyErr;
    fn try_from(obj: &'a Bound<'py, T>) -> PyResult<Self> {
        Self::try_borrow(obj.as_borrowed())
    }
}

impl<'a, 'py, T: PyClass<Frozen = False>> TryFrom<&'a Bound<'py, T>> for PyClassGuardMut<'a, T> {
    type Error = PyErr;
    fn try_from(obj: &'a Bound<'py, T>) -> PyResult<Self> {
        Self::try_borrow_mut(obj.as_borrowed())
    }
}

impl<'a, 'py, T: PyClass> FromPyObject<'a, 'py> for PyClassGuard<'a, T> {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        Self::try_borrow(obj.cast::<T>()?)
    }
}

impl<'a, 'py, T: PyClass<Frozen = False>> FromPyObject<'a, 'py> for PyClassGuardMut<'a, T> {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        Self::try_borrow_mut(obj.cast::<T>()?)
    }
}

impl<'a, 'py, T: PyClass> IntoPyObject<'py> for &PyClassGuard<'a, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = std::convert::Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.as_borrowed(py))
    }
}

impl<'a, 'py, T: PyClass<Frozen = False>> IntoPyObject<'py> for &PyClassGuardMut<'a, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = std::convert::Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.as_borrowed(py))
    }
}

/// The pointer of a live object (never NULL).
fn non_null(ptr: *mut ffi::PyObject) -> NonNull<ffi::PyObject> {
    NonNull::new(ptr).expect("a live object has a non-NULL pointer")
}
