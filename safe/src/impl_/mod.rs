//! Semver-exempt, only for macro output: the `#[doc(hidden)]` helpers that the crate's macros
//! (`create_exception!`, `import_exception!`, `py_run!`) expand to, so that the expanded code in
//! the user's crate contains no `unsafe`. Not part of the public API; may change at any time.

pub mod exceptions;
pub mod pyrun;
