//! [`PyComplex`], Python's `complex`, with its arithmetic (`+ - * /`, negation, `abs`, `pow`)
//! on CPython's full API.

use crate::ffi;
use crate::ffi::api;
use crate::ffi::native::native_type;
use crate::instance::Bound;
use crate::marker::Python;

native_type!(
    /// Python's `complex`.
    PyComplex,
    "complex",
    Some("builtins"),
    type_object = |_py| std::ptr::addr_of_mut!(ffi::PyComplex_Type)
);

impl PyComplex {
    /// `complex(real, imag)`.
    pub fn from_doubles(py: Python<'_>, real: f64, imag: f64) -> Bound<'_, PyComplex> {
        api::complex_new(py, real, imag)
    }
}

/// Methods of `complex`.
pub trait PyComplexMethods<'py> {
    /// `self.real`.
    fn real(&self) -> f64;
    /// `self.imag`.
    fn imag(&self) -> f64;
    /// `abs(self)`.
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    fn abs(&self) -> f64;
    /// `self ** other`; panics when Python raises (e.g. `0j ** -1j`, overflow).
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    fn pow(&self, other: &Bound<'py, PyComplex>) -> Bound<'py, PyComplex>;
}

impl<'py> PyComplexMethods<'py> for Bound<'py, PyComplex> {
    fn real(&self) -> f64 {
        api::complex_real(self)
    }
    fn imag(&self) -> f64 {
        api::complex_imag(self)
    }
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    fn abs(&self) -> f64 {
        api::unary_operator(self.as_any(), api::UnaryOperator::Abs)
            .and_then(|v| v.extract::<f64>())
            .expect("Complex method __abs__ failed.")
    }
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    fn pow(&self, other: &Bound<'py, PyComplex>) -> Bound<'py, PyComplex> {
        not_limited_impls::complex_result(
            api::power(self.as_any(), other.as_any(), &self.py().None().into_bound(self.py())),
            "Complex method pow failed.",
        )
    }
}

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
mod not_limited_impls {
    use super::PyComplex;
    use crate::err::PyResult;
    use crate::ffi::api::{self, Operator, UnaryOperator};
    use crate::instance::{Borrowed, Bound};
    use crate::types::PyAny;
    use std::ops::{Add, Div, Mul, Neg, Sub};

    /// The `complex` result of an operation on complex numbers; panics with `what` when Python
    /// raised (as PyO3 does: the operators cannot return errors).
    pub(super) fn complex_result<'py>(
        result: PyResult<Bound<'py, PyAny>>,
        what: &str,
    ) -> Bound<'py, PyComplex> {
        result.and_then(|v| Ok(v.cast_into::<PyComplex>()?)).expect(what)
    }

    macro_rules! bin_ops {
        ($trait:ident, $fn:ident, $op:tt, $bin:ident) => {
            impl<'py> $trait for Borrowed<'_, 'py, PyComplex> {
                type Output = Bound<'py, PyComplex>;
                fn $fn(self, other: Self) -> Self::Output {
                    let (a, b) = (self.to_owned().into_any(), other.to_owned().into_any());
                    complex_result(
                        api::binary_operator(&a, &b, Operator::$bin),
                        concat!("Complex method ", stringify!($fn), " failed."),
                    )
                }
            }

            impl<'py> $trait for &Bound<'py, PyComplex> {
                type Output = Bound<'py, PyComplex>;
                fn $fn(self, other: &Bound<'py, PyComplex>) -> Bound<'py, PyComplex> {
                    self.as_borrowed() $op other.as_borrowed()
                }
            }

            impl<'py> $trait<Bound<'py, PyComplex>> for &Bound<'py, PyComplex> {
                type Output = Bound<'py, PyComplex>;
                fn $fn(self, other: Bound<'py, PyComplex>) -> Bound<'py, PyComplex> {
                    self.as_borrowed() $op other.as_borrowed()
                }
            }

            impl<'py> $trait for Bound<'py, PyComplex> {
                type Output = Bound<'py, PyComplex>;
                fn $fn(self, other: Bound<'py, PyComplex>) -> Bound<'py, PyComplex> {
                    self.as_borrowed() $op other.as_borrowed()
                }
            }

            impl<'py> $trait<&Self> for Bound<'py, PyComplex> {
                type Output = Bound<'py, PyComplex>;
                fn $fn(self, other: &Bound<'py, PyComplex>) -> Bound<'py, PyComplex> {
                    self.as_borrowed() $op other.as_borrowed()
                }
            }
        };
    }

    bin_ops!(Add, add, +, Add);
    bin_ops!(Sub, sub, -, Sub);
    bin_ops!(Mul, mul, *, Mul);
    bin_ops!(Div, div, /, Div);

    impl<'py> Neg for Borrowed<'_, 'py, PyComplex> {
        type Output = Bound<'py, PyComplex>;
        fn neg(self) -> Self::Output {
            complex_result(
                api::unary_operator(&self.to_owned().into_any(), UnaryOperator::Neg),
                "Complex method neg failed.",
            )
        }
    }

    impl<'py> Neg for &Bound<'py, PyComplex> {
        type Output = Bound<'py, PyComplex>;
        fn neg(self) -> Bound<'py, PyComplex> {
            -self.as_borrowed()
        }
    }

    impl<'py> Neg for Bound<'py, PyComplex> {
        type Output = Bound<'py, PyComplex>;
        fn neg(self) -> Bound<'py, PyComplex> {
            -self.as_borrowed()
        }
    }
}
