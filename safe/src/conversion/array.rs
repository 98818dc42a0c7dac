//! `[T; N]` into a `list` (`bytes` for `u8`) and from any sequence of exactly `N` items.

use super::{private, FromPyObject, IntoPyObject};
use crate::err::{CastError, PyErr, PyResult};
use crate::exceptions::PyValueError;
use crate::ffi::api;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::PyAny;

impl<'py, T: IntoPyObject<'py>, const N: usize> IntoPyObject<'py> for [T; N] {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        T::owned_sequence_into_pyobject(self, py, private::Token)
    }
}

impl<'a, 'py, T, const N: usize> IntoPyObject<'py> for &'a [T; N]
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

/// Accepts objects passing `PySequence_Check` (not sets or dicts); a `ValueError` naming both
/// lengths when the length is not `N`.
impl<'a, 'py, T, const N: usize> FromPyObject<'a, 'py> for [T; N]
where
    T: for<'b> FromPyObject<'b, 'py>,
{
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<[T; N]> {
        if !api::is_sequence(&obj) {
            return Err(CastError::new(obj, "Sequence").into());
        }
        let len = api::sequence_len(&obj)?;
        if len != N {
            return Err(PyValueError::new_err(format!(
                "expected a sequence of length {N} (got {len})"
            )));
        }
        let mut items = Vec::with_capacity(N);
        for i in 0..N {
            items.push(api::sequence_get_item(&obj, i)?.extract::<T>().map_err(Into::into)?);
        }
        Ok(items.try_into().unwrap_or_else(|_| unreachable!("exactly N items were pushed")))
    }
}
