//! The raw C API of the interpreter detected at build time: a re-export of its sys crate, plus
//! the crate's one door from raw pointers to owners (`ptr_ext`) and the safe wrappers the rest
//! of the crate calls instead of the raw functions (`api`).

#[cfg(not(any(PyPy, GraalPy)))]
pub use pyroxide_sys_cpython::*;
#[cfg(GraalPy)]
pub use pyroxide_sys_graalpy::*;
#[cfg(PyPy)]
pub use pyroxide_sys_pypy::*;

pub use crate::c_str;

pub(crate) mod api;
pub(crate) mod attach;
#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
pub(crate) mod buffer;
#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
pub(crate) mod buffer_element;
pub(crate) mod capsule;
pub(crate) mod finalize;
pub(crate) mod native;
pub(crate) mod ptr_ext;
#[cfg(PyPy)]
pub(crate) mod pypy_start;
