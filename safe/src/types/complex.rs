//! [`PyComplex`], Python's `complex`.

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
}

impl<'py> PyComplexMethods<'py> for Bound<'py, PyComplex> {
    fn real(&self) -> f64 {
        api::complex_real(self)
    }
    fn imag(&self) -> f64 {
        api::complex_imag(self)
    }
}
