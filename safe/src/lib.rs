//! Pyroxide: write Python extension modules and embed Python in Rust, with PyO3 0.30's API over
//! generated, per-interpreter FFI.
//!
//! [`ffi`] is the sys crate of the interpreter detected at build time; the interpreter cfgs
//! (`Py_3_X`, `PyPy`, `GraalPy`, `Py_LIMITED_API`, `Py_GIL_DISABLED`) are set for this crate as
//! for the sys crate. Everything else is safe: the [`Python`] token proves the thread is attached
//! to the interpreter, [`Bound`], [`Borrowed`] and [`Py`] own or borrow Python objects, and
//! [`PyErr`] carries Python exceptions through `Result`. The [`guide`] explains each area with
//! runnable examples.
//!
//! ```
//! use pyroxide::prelude::*;
//! use pyroxide::types::IntoPyDict;
//! use pyroxide::ffi::c_str;
//!
//! # fn main() -> PyResult<()> {
//! Python::initialize(); // embedding without the `auto-initialize` feature
//! Python::attach(|py| {
//!     let sys = py.import("sys")?;
//!     let version: String = sys.getattr("version")?.extract()?;
//!     let locals = [("os", py.import("os")?)].into_py_dict(py)?;
//!     let code = c_str!("os.getenv('USER') or os.getenv('USERNAME') or 'Unknown'");
//!     let user: String = py.eval(code, None, Some(&locals))?.extract()?;
//!     assert!(!version.is_empty() && !user.is_empty());
//!     Ok(())
//! })
//! # }
//! ```
#![warn(missing_docs)]

#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
pub mod buffer;
pub mod conversion;
pub mod err;
pub mod exceptions;
pub mod ffi;
pub mod guide;
#[doc(hidden)]
pub mod impl_;
pub mod instance;
pub mod marker;
#[cfg(not(Py_LIMITED_API))]
pub mod marshal;
pub mod panic;
pub mod prelude;
pub mod pybacked;
pub mod pycell;
pub mod pyclass;
pub mod pyclass_init;
pub mod sync;
pub mod type_object;
pub mod types;

pub use crate::conversion::{FromPyObject, IntoPyObject, IntoPyObjectExt};
pub use crate::err::{CastError, CastIntoError, PyErr, PyErrArguments, PyResult};
pub use crate::instance::{Borrowed, Bound, Py, PyObject};
pub use crate::marker::Python;
pub use crate::pyclass::{
    PyClass, PyClassGuard, PyClassGuardMut, PyClassInitializer, PyRef, PyRefMut,
};
pub use crate::pyclass::{PyTraverseError, PyVisit};
pub use crate::type_object::{PyTypeCheck, PyTypeInfo};
pub use crate::types::PyAny;

pub use crate::ffi::attach::with_embedded_python_interpreter;

#[cfg(feature = "macros")]
pub use pyroxide_macros::{
    pyclass, pyfunction, pymethods, pymodule, FromPyObject, IntoPyObject, IntoPyObjectRef,
};

#[doc(hidden)]
pub use crate::instance::refpool::pending_count as __refpool_pending_count;

/// A `&'static CStr` from a string literal, checked at compile time (PyO3's `c_str!`).
///
/// ```
/// let s: &std::ffi::CStr = pyroxide::c_str!("print(1)");
/// assert_eq!(s.to_bytes(), b"print(1)");
/// ```
#[macro_export]
macro_rules! c_str {
    ($s:expr) => {{
        const S: &::std::ffi::CStr =
            match ::std::ffi::CStr::from_bytes_with_nul(::std::concat!($s, "\0").as_bytes()) {
                ::std::result::Result::Ok(s) => s,
                ::std::result::Result::Err(_) => ::std::panic!("string contains an interior NUL"),
            };
        S
    }};
}

/// The function object of a `#[pyfunction]`: `wrap_pyfunction!(f, module)` binds it to
/// `module` (a `&Bound<PyModule>`), `wrap_pyfunction!(f, py)` makes a free function; both give
/// `PyResult<Bound<PyCFunction>>`. `wrap_pyfunction!(f)` is a closure taking either.
#[macro_export]
macro_rules! wrap_pyfunction {
    ($($function:ident)::+) => {
        &|py_or_module| {
            $crate::impl_::pyfunction::WrapPyFunctionArg::wrap_pyfunction(
                py_or_module,
                &$($function)::+::__PYROXIDE_DEF,
            )
        }
    };
    ($($function:ident)::+, $py_or_module:expr) => {
        $crate::impl_::pyfunction::WrapPyFunctionArg::wrap_pyfunction(
            $py_or_module,
            &$($function)::+::__PYROXIDE_DEF,
        )
    };
}

/// A closure making the module object of a `#[pymodule]` (for `PyModule::add_wrapped` or
/// `sys.modules`): `&|py| -> Py<PyModule>`.
#[macro_export]
macro_rules! wrap_pymodule {
    ($module:path) => {
        &|py| {
            use $module as wrapped_pymodule;
            wrapped_pymodule::__PYROXIDE_DEF.make_module(py).expect("failed to wrap pymodule")
        }
    };
}

/// Adds a `#[pymodule]` to the table of builtin modules, so that an embedded interpreter
/// started afterwards can import it. Panics if the interpreter is already initialized. Not
/// available on PyPy.
#[cfg(not(PyPy))]
#[macro_export]
macro_rules! append_to_inittab {
    ($module:ident) => {{
        use $module as wrapped_pymodule;
        $crate::impl_::pymodule::append_to_inittab::<wrapped_pymodule::__PyroxideModule>()
    }};
}
