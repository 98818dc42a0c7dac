//! The benchmark class `Counter`, one source text for every Rust implementation (Pyroxide and
//! PyO3 both include it).

use pyo3::prelude::*;

/// A counter: `Counter(start)`, `incr()`, the `value` property, `snapshot()`.
#[pyclass]
pub struct Counter {
    value: i64,
}

#[pymethods]
impl Counter {
    #[new]
    fn new(start: i64) -> Self {
        Counter { value: start }
    }

    /// Adds one and returns the new value.
    fn incr(&mut self) -> i64 {
        self.value = self.value.wrapping_add(1);
        self.value
    }

    /// The current value.
    #[getter]
    fn value(&self) -> i64 {
        self.value
    }

    /// Sets the current value.
    #[setter]
    fn set_value(&mut self, value: i64) {
        self.value = value;
    }

    /// `(value, value / 2, "counter")`.
    fn snapshot(&self) -> (i64, f64, &'static str) {
        (self.value, self.value as f64 / 2.0, "counter")
    }
}
