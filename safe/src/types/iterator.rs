//! [`PyIterator`], any Python object that implements the iterator protocol, usable as a Rust
//! [`Iterator`].

use crate::err::PyResult;
use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::types::PyAny;

native_type!(
    /// A Python iterator: any object with `__next__` (checked with `PyIter_Check`). As a Rust
    /// [`Iterator`], `Bound<PyIterator>` yields `PyResult<Bound<PyAny>>`: an item, or the
    /// exception `__next__` raised.
    PyIterator,
    "Iterator",
    Some("collections.abc"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyBaseObject_Type),
    check = ffi::PyIter_Check
);

impl PyIterator {
    /// `iter(obj)`: `TypeError` if `obj` is not iterable.
    pub fn from_object<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyIterator>> {
        api::get_iter(obj)
    }
}

impl<'py> Iterator for Bound<'py, PyIterator> {
    type Item = PyResult<Bound<'py, PyAny>>;

    /// `next(self)`: `None` when exhausted, `Some(Err(_))` if `__next__` raised.
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        api::iter_next(self)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (api::length_hint(self), None)
    }
}

impl<'py> Iterator for &Bound<'py, PyIterator> {
    type Item = PyResult<Bound<'py, PyAny>>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        api::iter_next(self)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (api::length_hint(self), None)
    }
}
