//! The borrow errors of class instances, at PyO3's path (`pyo3::pycell`).

pub use crate::pyclass::{PyBorrowError, PyBorrowMutError, PyRef, PyRefMut};
