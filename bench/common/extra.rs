//! The benchmark operations beyond the seed list, one source text for Pyroxide and PyO3: a
//! `#[derive(FromPyObject)]` struct argument, a `Vec<f64>` round trip, a `dict` to `HashMap`
//! extraction and an iterator class.

use pyo3::prelude::*;
use std::collections::HashMap;

/// A point read from any object with `x` and `y` attributes.
#[derive(FromPyObject)]
struct Point {
    x: f64,
    y: f64,
}

/// The distance of `p` (any object with float attributes `x` and `y`) from the origin.
#[pyfunction]
fn norm(p: Point) -> f64 {
    (p.x * p.x + p.y * p.y).sqrt()
}

/// `[x * k for x in values]`.
#[pyfunction]
fn scale(values: Vec<f64>, k: f64) -> Vec<f64> {
    values.into_iter().map(|x| x * k).collect()
}

/// The sum of the values of a `dict[str, int]`.
#[pyfunction]
fn dict_sum(d: HashMap<String, i64>) -> i64 {
    d.values().fold(0i64, |acc, v| acc.wrapping_add(*v))
}

/// `Range(n)` iterates over `0 .. n`.
#[pyclass]
pub struct Range {
    next: i64,
    end: i64,
}

#[pymethods]
impl Range {
    #[new]
    fn new(n: i64) -> Self {
        Range { next: 0, end: n }
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self) -> Option<i64> {
        if self.next < self.end {
            self.next += 1;
            Some(self.next - 1)
        } else {
            None
        }
    }
}

/// Adds the functions and the class above to `m`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(norm, m)?)?;
    m.add_function(wrap_pyfunction!(scale, m)?)?;
    m.add_function(wrap_pyfunction!(dict_sum, m)?)?;
    m.add_class::<Range>()
}
