//! Raw bindings to the CPython C API: bindgen output checked in under `src/generated/`, one file
//! per (version, variant), selected by the build script from the detected interpreter; plus
//! hand-written `inline` functions for the hot `static inline` functions and macros.
//!
//! When the detected interpreter is not CPython, this crate is empty (another sys crate is active).
#![no_std]
#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals)]

#[cfg(pyroxide_active)]
#[allow(
    dead_code,
    unsafe_op_in_unsafe_fn,
    clippy::all,
    clippy::undocumented_unsafe_blocks,
    clippy::missing_safety_doc
)]
mod generated {
    include!(concat!("generated/", env!("PYROXIDE_BINDINGS")));
}
#[cfg(pyroxide_active)]
pub use generated::*;
#[cfg(pyroxide_active)]
mod inline;
// The named items shadow same-named exported functions of some bindings (glob vs glob
// would be ambiguous); see the `//!` of inline.rs.
#[cfg(pyroxide_active)]
pub use inline::{Py_IS_TYPE, Py_Is, Py_NewRef, Py_REFCNT, Py_SIZE, Py_TYPE, Py_XNewRef, *};
// 3.14+ also export `PyUnicode_DATA` as a function.
#[cfg(all(pyroxide_active, not(Py_LIMITED_API)))]
pub use inline::PyUnicode_DATA;
