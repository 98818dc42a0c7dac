//! Semver-exempt, only for macro output: the `#[doc(hidden)]` items that the crate's macros
//! (`#[pyfunction]`, `#[pymodule]`, `create_exception!`, `py_run!`, …) expand to, so that the
//! expanded code in the user's crate contains no `unsafe` and no `ffi` path. Not part of the
//! public API; may change at any time.

pub mod argument;
pub(crate) mod closure;
pub mod exceptions;
pub mod extract;
pub mod frompyobject;
pub mod pyclass;
pub mod pyfunction;
pub mod pymodule;
pub mod pyrun;
pub mod trampoline;
pub mod type_object;

/// `CStr::from_bytes_with_nul` for the macros' NUL-terminated byte strings, at compile time.
pub const fn cstr(bytes: &'static [u8]) -> &'static std::ffi::CStr {
    match std::ffi::CStr::from_bytes_with_nul(bytes) {
        Ok(s) => s,
        Err(_) => panic!("a name or docstring contains a NUL byte"),
    }
}
