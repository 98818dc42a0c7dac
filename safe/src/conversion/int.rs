//! Integers of every width to and from `int`: `OverflowError` when the value does not fit,
//! `TypeError` for objects without `__index__` (floats included).

use super::{FromPyObject, IntoPyObject};
use crate::err::{PyErr, PyResult};
use crate::exceptions::PyOverflowError;
use crate::ffi::api;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyAny, PyInt, PyStringMethods};
use std::convert::Infallible;

#[cold]
fn overflow() -> PyErr {
    PyOverflowError::new_err("out of range integral type conversion attempted")
}

fn int(obj: Bound<'_, PyAny>) -> Bound<'_, PyInt> {
    obj.cast_into().unwrap_or_else(|_| unreachable!("PyLong_From* returns an int"))
}

macro_rules! signed {
    ($($t:ty),*) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyInt;
            type Output = Bound<'py, PyInt>;
            type Error = Infallible;
            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
                Ok(api::long_from_i64(py, self as i64))
            }
        }
        impl<'py> IntoPyObject<'py> for &$t {
            type Target = PyInt;
            type Output = Bound<'py, PyInt>;
            type Error = Infallible;
            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
                (*self).into_pyobject(py)
            }
        }
        impl<'a, 'py> FromPyObject<'a, 'py> for $t {
            type Error = PyErr;
            #[inline]
            fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<$t> {
                let v = api::long_as_i64(&obj)?;
                <$t>::try_from(v).map_err(|_| overflow())
            }
        }
    )*};
}

/// Unsigned types; each reads the value as `$read` (`i64` for the widths a C `long` holds, as
/// PyO3 does, so a negative value is `out of range` like any other; `u64` for the others, whose
/// negative values get the interpreter's own message).
macro_rules! unsigned {
    ($($t:ty => $read:ident $({ $($owned:tt)* } { $($borrowed:tt)* })?),*) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyInt;
            type Output = Bound<'py, PyInt>;
            type Error = Infallible;
            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
                Ok(api::long_from_u64(py, self as u64))
            }
            $($($owned)*)?
        }
        impl<'py> IntoPyObject<'py> for &$t {
            type Target = PyInt;
            type Output = Bound<'py, PyInt>;
            type Error = Infallible;
            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Infallible> {
                (*self).into_pyobject(py)
            }
            $($($borrowed)*)?
        }
        impl<'a, 'py> FromPyObject<'a, 'py> for $t {
            type Error = PyErr;
            #[inline]
            fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<$t> {
                let v = api::$read(&obj)?;
                <$t>::try_from(v).map_err(|_| overflow())
            }
        }
    )*};
}

signed!(i8, i16, i32, i64, isize);
unsigned!(
    u8 => long_as_i64 {
        /// `Vec<u8>` and `[u8; N]` become `bytes`.
        fn owned_sequence_into_pyobject<I>(
            iter: I,
            py: Python<'py>,
            _: crate::conversion::private::Token,
        ) -> PyResult<Bound<'py, PyAny>>
        where
            I: IntoIterator<Item = u8> + AsRef<[u8]>,
        {
            Ok(crate::types::PyBytes::new(py, iter.as_ref()).into_any())
        }
    } {
        /// `&[u8]`, `&Vec<u8>` and `&[u8; N]` become `bytes`.
        fn borrowed_sequence_into_pyobject<I>(
            iter: I,
            py: Python<'py>,
            _: crate::conversion::private::Token,
        ) -> PyResult<Bound<'py, PyAny>>
        where
            I: IntoIterator<Item = Self> + AsRef<[<Self as crate::conversion::private::Reference>::BaseType]>,
        {
            Ok(crate::types::PyBytes::new(py, iter.as_ref()).into_any())
        }
    },
    u16 => long_as_i64,
    u32 => long_as_i64,
    u64 => long_as_u64,
    usize => long_as_u64
);

/// The `OverflowError` of a 128-bit extraction, worded as `_PyLong_AsByteArray` words it (what
/// PyO3 reports on CPython 3.11): a negative value for an unsigned type, or too many bits.
#[cold]
fn wide_overflow(digits: &str, signed: bool) -> PyErr {
    if !signed && digits.starts_with('-') {
        PyOverflowError::new_err("can't convert negative int to unsigned")
    } else {
        PyOverflowError::new_err("int too big to convert")
    }
}

macro_rules! wide {
    ($($t:ty, $narrow:ty, $from:ident, $signed:literal);*) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyInt;
            type Output = Bound<'py, PyInt>;
            type Error = PyErr;
            fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
                match <$narrow>::try_from(self) {
                    Ok(v) => Ok(api::$from(py, v as _)),
                    Err(_) => api::long_from_decimal(py, &self.to_string()).map(int),
                }
            }
        }
        impl<'a, 'py> FromPyObject<'a, 'py> for $t {
            type Error = PyErr;
            fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<$t> {
                // The digits of the int's value: `str()` of `operator.index(obj)` would spell
                // `True` on 3.9, where `__index__` may return an `int` subclass unchanged.
                let digits = api::number_to_decimal(&obj)?;
                let digits = digits.to_cow()?;
                digits.parse::<$t>().map_err(|_| wide_overflow(&digits, $signed))
            }
        }
    )*};
}

wide!(i128, i64, long_from_i64, true; u128, u64, long_from_u64, false);
