//! Pyroxide: Python bindings for Rust with PyO3's API over generated, per-interpreter FFI.
//!
//! This crate is thin for now; the safe layer (`Python<'py>`, `Bound`, `Py`, errors, conversions)
//! arrives in a later step. What it already guarantees is the selection: [`ffi`] is the sys crate
//! of the interpreter detected at build time, and the interpreter cfgs (`Py_3_X`, `PyPy`,
//! `GraalPy`, `Py_LIMITED_API`, `Py_GIL_DISABLED`) are set for this crate as for the sys crate.
#![no_std]

pub mod ffi;
