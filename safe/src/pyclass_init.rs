//! [`PyClassInitializer`] at PyO3's path (`pyo3::pyclass_init`).

pub use crate::pyclass::PyClassInitializer;
