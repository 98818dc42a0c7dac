//! The raw C API of the interpreter detected at build time: a re-export of its sys crate.

#[cfg(not(any(PyPy, GraalPy)))]
pub use pyroxide_sys_cpython::*;
#[cfg(GraalPy)]
pub use pyroxide_sys_graalpy::*;
#[cfg(PyPy)]
pub use pyroxide_sys_pypy::*;
