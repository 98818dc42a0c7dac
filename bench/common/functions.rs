//! The benchmark functions, one source text compiled twice: by `bench/pyroxide` (where `pyo3`
//! names Pyroxide) and by `bench/pyo3` (where it names PyO3 0.30.1). `bench/c/bench_c.c` is the
//! hand-written C twin; `bench/run.py` checks that all three agree before timing them.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use std::collections::HashMap;

/// Does nothing (`METH_NOARGS` in C).
#[pyfunction]
fn noop() {}

/// Returns its argument (`METH_O` in C).
#[pyfunction]
fn identity(x: Bound<'_, PyAny>) -> Bound<'_, PyAny> {
    x
}

/// Adds two integers.
#[pyfunction]
fn add(a: i64, b: i64) -> i64 {
    a.wrapping_add(b)
}

/// A keyword call with defaults: `kw(a, b=1, *, c=2)` returns `a + b + c`.
#[pyfunction]
#[pyo3(signature = (a, b = 1, *, c = 2))]
fn kw(a: i64, b: i64, c: i64) -> i64 {
    a.wrapping_add(b).wrapping_add(c)
}

/// Sums a list of integers.
#[pyfunction]
fn sum_list(values: Vec<i64>) -> i64 {
    values.iter().fold(0i64, |acc, v| acc.wrapping_add(*v))
}

/// `list(range(n))`.
#[pyfunction]
fn make_list(n: i64) -> Vec<i64> {
    (0..n).collect()
}

/// The number of code points of `s`.
#[pyfunction]
fn str_len(s: &str) -> usize {
    s.chars().count()
}

/// `a + b` for two strings.
#[pyfunction]
fn concat(a: &str, b: &str) -> String {
    let mut out = String::with_capacity(a.len() + b.len());
    out.push_str(a);
    out.push_str(b);
    out
}

/// `{str(i): i for i in range(n)}`.
#[pyfunction]
fn make_dict(n: i64) -> HashMap<String, i64> {
    (0..n).map(|i| (i.to_string(), i)).collect()
}

/// Raises `ValueError("bad value")`.
#[pyfunction]
fn raise_value_error() -> PyResult<()> {
    Err(PyValueError::new_err("bad value"))
}

/// Adds the functions above to `m`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(noop, m)?)?;
    m.add_function(wrap_pyfunction!(identity, m)?)?;
    m.add_function(wrap_pyfunction!(add, m)?)?;
    m.add_function(wrap_pyfunction!(kw, m)?)?;
    m.add_function(wrap_pyfunction!(sum_list, m)?)?;
    m.add_function(wrap_pyfunction!(make_list, m)?)?;
    m.add_function(wrap_pyfunction!(str_len, m)?)?;
    m.add_function(wrap_pyfunction!(concat, m)?)?;
    m.add_function(wrap_pyfunction!(make_dict, m)?)?;
    m.add_function(wrap_pyfunction!(raise_value_error, m)?)?;
    Ok(())
}
