//! Comparisons of `bool`, `float` and `int` objects with Rust values (`obj == true`,
//! `obj == 1.5`, `obj == 42`), both ways round, for `Bound` and `Borrowed`.

use crate::instance::{Borrowed, Bound};
use crate::types::{PyBool, PyBoolMethods, PyFloat, PyFloatMethods, PyInt};

macro_rules! both_ways {
    ($py_type:ty, $rust:ty, |$obj:ident, $value:ident| $eq:expr) => {
        impl PartialEq<$rust> for Bound<'_, $py_type> {
            fn eq(&self, other: &$rust) -> bool {
                let ($obj, $value) = (self, *other);
                $eq
            }
        }
        impl PartialEq<$rust> for Borrowed<'_, '_, $py_type> {
            fn eq(&self, other: &$rust) -> bool {
                **self == *other
            }
        }
        impl PartialEq<Bound<'_, $py_type>> for $rust {
            fn eq(&self, other: &Bound<'_, $py_type>) -> bool {
                *other == *self
            }
        }
        impl PartialEq<Borrowed<'_, '_, $py_type>> for $rust {
            fn eq(&self, other: &Borrowed<'_, '_, $py_type>) -> bool {
                **other == *self
            }
        }
    };
}

both_ways!(PyBool, bool, |obj, value| obj.is_true() == value);
both_ways!(PyFloat, f64, |obj, value| obj.value() == value);
both_ways!(PyFloat, f32, |obj, value| obj.value() == f64::from(value));

macro_rules! int_eq {
    ($($rust:ty),*) => {$(
        both_ways!(PyInt, $rust, |obj, value| obj.extract::<$rust>().is_ok_and(|v| v == value));
    )*};
}

int_eq!(i8, u8, i16, u16, i32, u32, i64, u64, i128, u128, isize, usize);
