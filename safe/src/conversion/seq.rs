//! `Vec<T>` and `&[T]` into lists (`bytes` for `u8`) and from any sequence but `str`, and
//! tuples of up to 12 elements to and from `tuple`.

use super::{private, FromPyObject, IntoPyObject};
use crate::err::{CastError, PyErr, PyResult};
use crate::exceptions::{PyTypeError, PyValueError};
use crate::ffi::api;
use crate::instance::{Borrowed, Bound, BoundObject};
use crate::marker::Python;
use crate::types::{PyAny, PyAnyMethods, PyList, PyListMethods, PyString, PyTuple, PyTupleMethods};

impl<'py, T: IntoPyObject<'py>> IntoPyObject<'py> for Vec<T> {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        T::owned_sequence_into_pyobject(self, py, private::Token)
    }
}

impl<'a, 'py, T> IntoPyObject<'py> for &'a Vec<T>
where
    &'a T: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        self.as_slice().into_pyobject(py)
    }
}

impl<'a, 'py, T> IntoPyObject<'py> for &'a [T]
where
    &'a T: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        <&T>::borrowed_sequence_into_pyobject(self, py, private::Token)
    }
}

/// The most elements a `Vec` extracted from a sequence other than a list or tuple reserves up
/// front from the object's `__len__`.
const MAX_PREALLOCATED: usize = 4096;

impl<'a, 'py, T> FromPyObject<'a, 'py> for Vec<T>
where
    T: for<'b> FromPyObject<'b, 'py>,
{
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Vec<T>> {
        if obj.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err("Can't extract `str` to `Vec`"));
        }
        // `T` may contain `Vec<T>` (a recursive `FromPyObject`): deep nesting must be a
        // `RecursionError`, not a stack overflow.
        let _depth = api::enter_recursive_call(obj.py(), c" while extracting a Vec")?;
        // Exact lists and tuples by index (what their iterators do, without the iterator).
        if let Ok(list) = obj.cast_exact::<PyList>() {
            let mut out = Vec::with_capacity(list.len());
            // The list may change while an item is extracted (Python code can run): its length
            // is read again at each step and the item is held by a strong reference.
            while let Some(item) = api::list_get_item_opt(&list, out.len()) {
                out.push(item.extract::<T>().map_err(Into::into)?);
            }
            return Ok(out);
        }
        if let Ok(tuple) = obj.cast_exact::<PyTuple>() {
            let n = tuple.len();
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                let item = api::tuple_get_borrowed(tuple, i);
                out.push(item.extract::<T>().map_err(Into::into)?);
            }
            return Ok(out);
        }
        // Other objects must be sequences (`PySequence_Check`: an `sq_item` slot that is not a
        // `dict`'s), as in PyO3: a `set`, a `dict` or an iterator is refused, not iterated.
        if !api::is_sequence(&obj) {
            return Err(CastError::new(obj, "Sequence").into());
        }
        // `__len__` is only a hint here, and may lie: a huge answer must not become a huge
        // (or failing, hence aborting) allocation. Beyond the cap the vector grows as usual.
        let hint = obj.len().unwrap_or(0).min(MAX_PREALLOCATED);
        let mut out = Vec::with_capacity(hint);
        for item in obj.try_iter()? {
            let item = item?;
            out.push(item.extract::<T>().map_err(Into::into)?);
        }
        Ok(out)
    }
}

macro_rules! tuples {
    ($($len:literal => ($($n:tt $T:ident),+);)*) => {$(
        impl<'py, $($T: IntoPyObject<'py>),+> IntoPyObject<'py> for ($($T,)+) {
            type Target = PyTuple;
            type Output = Bound<'py, PyTuple>;
            type Error = PyErr;
            fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
                let items = [$(self.$n.into_pyobject(py).map(|o| o.into_any().into_bound()).map_err(Into::into)?),+];
                Ok(api::tuple_new(py, $len, items.into_iter()))
            }
        }

        impl<'a, 'py, $($T: IntoPyObject<'py> + Clone),+> IntoPyObject<'py> for &'a ($($T,)+) {
            type Target = PyTuple;
            type Output = Bound<'py, PyTuple>;
            type Error = PyErr;
            fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
                self.clone().into_pyobject(py)
            }
        }

        impl<'a, 'py, $($T: for<'b> FromPyObject<'b, 'py>),+> FromPyObject<'a, 'py> for ($($T,)+) {
            type Error = PyErr;
            fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
                let tuple = obj.cast::<PyTuple>()?;
                if tuple.len() != $len {
                    return Err(PyValueError::new_err(format!(
                        "expected tuple of length {}, but got tuple of length {}", $len, tuple.len()
                    )));
                }
                Ok(($(tuple.get_item($n)?.extract::<$T>().map_err(Into::into)?,)+))
            }
        }
    )*};
}

tuples! {
    1 => (0 A);
    2 => (0 A, 1 B);
    3 => (0 A, 1 B, 2 C);
    4 => (0 A, 1 B, 2 C, 3 D);
    5 => (0 A, 1 B, 2 C, 3 D, 4 E);
    6 => (0 A, 1 B, 2 C, 3 D, 4 E, 5 F);
    7 => (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G);
    8 => (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H);
    9 => (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H, 8 I);
    10 => (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H, 8 I, 9 J);
    11 => (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H, 8 I, 9 J, 10 K);
    12 => (0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H, 8 I, 9 J, 10 K, 11 L);
}
