//! `NonZeroI8`…`NonZeroU128`, `NonZeroIsize` and `NonZeroUsize` to and from `int`: as their
//! integer type, with a `ValueError` for 0 on extraction.

use super::{FromPyObject, IntoPyObject};
use crate::err::{PyErr, PyResult};
use crate::exceptions::PyValueError;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyAny, PyInt};
use std::num::{
    NonZeroI128, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI8, NonZeroIsize, NonZeroU128,
    NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU8, NonZeroUsize,
};

macro_rules! nonzero {
    ($($nz:ty => $int:ty),* $(,)?) => {$(
        impl<'py> IntoPyObject<'py> for $nz {
            type Target = PyInt;
            type Output = Bound<'py, PyInt>;
            type Error = <$int as IntoPyObject<'py>>::Error;
            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                self.get().into_pyobject(py)
            }
        }

        impl<'py> IntoPyObject<'py> for &$nz {
            type Target = PyInt;
            type Output = Bound<'py, PyInt>;
            type Error = <$int as IntoPyObject<'py>>::Error;
            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                (*self).into_pyobject(py)
            }
        }

        impl<'a, 'py> FromPyObject<'a, 'py> for $nz {
            type Error = PyErr;
            fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<$nz> {
                let value = <$int>::extract(obj)?;
                <$nz>::new(value).ok_or_else(|| PyValueError::new_err("invalid zero value"))
            }
        }
    )*};
}

nonzero! {
    NonZeroI8 => i8, NonZeroI16 => i16, NonZeroI32 => i32, NonZeroI64 => i64,
    NonZeroI128 => i128, NonZeroIsize => isize,
    NonZeroU8 => u8, NonZeroU16 => u16, NonZeroU32 => u32, NonZeroU64 => u64,
    NonZeroU128 => u128, NonZeroUsize => usize,
}
