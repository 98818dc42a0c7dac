//! The guide: one chapter per area, each a documentation-only module whose examples run as
//! doctests (`cargo test --doc -p pyroxide` embeds the interpreter to run them).
//!
//! 1. [`attaching`]: the [`Python`](crate::Python) token, attaching and detaching threads,
//!    embedding the interpreter.
//! 2. [`smart_pointers`]: [`Bound`](crate::Bound), [`Py`](crate::Py) and
//!    [`Borrowed`](crate::Borrowed), casting and extracting, references released while detached.
//! 3. [`errors`]: [`PyErr`](crate::PyErr), the exception types, declaring exceptions, panics.
//! 4. [`native_types`]: the Python builtin types and their method traits.
//! 5. [`conversions`]: which Rust types convert to and from which Python types, and the errors.
//! 6. [`sync`]: one-time initialization, interned strings, critical sections and locks on GIL
//!    and free-threaded builds.
//! 7. [`functions`]: `#[pyfunction]` and `#[pymodule]`: signatures, calling conventions, modules.
//! 8. [`classes`]: `#[pyclass]` and `#[pymethods]`: borrowing, options, enums.
//! 9. [`differences`]: where Pyroxide behaves differently from PyO3.

#[doc = include_str!("attaching.md")]
pub mod attaching {}

#[doc = include_str!("smart_pointers.md")]
pub mod smart_pointers {}

#[doc = include_str!("errors.md")]
pub mod errors {}

#[doc = include_str!("native_types.md")]
pub mod native_types {}

#[doc = include_str!("conversions.md")]
pub mod conversions {}

#[doc = include_str!("sync.md")]
pub mod sync {}

#[doc = include_str!("functions.md")]
pub mod functions {}

#[doc = include_str!("classes.md")]
pub mod classes {}

#[doc = include_str!("differences.md")]
pub mod differences {}
