//! `Option<T>` (and `&Option<T>`): `None` to and from `None`.

use super::{FromPyObject, IntoPyObject};
use crate::ffi::api;
use crate::instance::{Borrowed, Bound, BoundObject};
use crate::marker::Python;
use crate::types::{PyAny, PyAnyMethods};

impl<'py, T: IntoPyObject<'py>> IntoPyObject<'py> for Option<T> {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = T::Error;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, T::Error> {
        match self {
            Some(v) => v.into_pyobject(py).map(|o| o.into_any().into_bound()),
            None => Ok(api::none(py).to_owned()),
        }
    }
}

/// `&Option<T>` converts like `Option<&T>`, with the error of `&T`.
impl<'a, 'py, T> IntoPyObject<'py> for &'a Option<T>
where
    &'a T: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = <&'a T as IntoPyObject<'py>>::Error;
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        match self {
            Some(v) => v.into_pyobject(py).map(|o| o.into_any().into_bound()),
            None => Ok(api::none(py).to_owned()),
        }
    }
}

impl<'a, 'py, T: FromPyObject<'a, 'py>> FromPyObject<'a, 'py> for Option<T> {
    type Error = T::Error;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, T::Error> {
        if obj.is_none() {
            Ok(None)
        } else {
            T::extract(obj).map(Some)
        }
    }
}
