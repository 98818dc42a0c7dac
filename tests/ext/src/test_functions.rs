//! `#[pyfunction]` signatures, conversions, errors and panics, for `test_functions.py`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use std::collections::HashMap;

/// `#[pyfunction]`s exercised by `test_functions.py`.
#[pymodule]
pub mod functions {
    use super::*;

    /// Does nothing.
    #[pyfunction]
    fn noop() {}

    #[pyfunction]
    #[pyo3(signature = (x, /))]
    fn identity(x: Bound<'_, PyAny>) -> Bound<'_, PyAny> {
        x
    }

    /// Adds two integers.
    #[pyfunction]
    fn add(a: i64, b: i64) -> i64 {
        a + b
    }

    #[pyfunction]
    #[pyo3(signature = (a, b = 10, /, c = 3, *args, d, e = None, **kwargs))]
    #[allow(clippy::too_many_arguments, clippy::type_complexity)]
    fn full(
        a: i64,
        b: i64,
        c: i64,
        args: &Bound<'_, PyTuple>,
        d: bool,
        e: Option<f64>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<(i64, i64, i64, usize, bool, Option<f64>, Vec<String>)> {
        let mut keys: Vec<String> = Vec::new();
        for (key, _) in kwargs.into_iter().flatten() {
            keys.push(key.extract()?);
        }
        keys.sort();
        Ok((a, b, c, args.len(), d, e, keys))
    }

    #[pyfunction]
    #[pyo3(signature = (*, flag = false))]
    fn keyword_only(flag: bool) -> bool {
        flag
    }

    #[pyfunction]
    #[pyo3(signature = (a, b, /))]
    fn posonly_two(a: i64, b: i64) -> i64 {
        a + b
    }

    #[pyfunction]
    #[pyo3(signature = (a, b, c, /, d = 0))]
    fn posonly_three(a: i64, b: i64, c: i64, d: i64) -> i64 {
        a + b + c + d
    }

    #[pyfunction]
    #[pyo3(signature = (*args, **kwargs))]
    fn totals(args: Vec<i64>, kwargs: Option<HashMap<String, i64>>) -> i64 {
        args.iter().sum::<i64>() + kwargs.map_or(0, |k| k.values().sum())
    }

    #[pyfunction]
    fn initial(c: char) -> char {
        c
    }

    #[pyfunction]
    fn sum_list(values: Vec<i64>) -> i64 {
        values.iter().sum()
    }

    #[pyfunction]
    fn str_len(s: pyo3::pybacked::PyBackedStr) -> usize {
        s.chars().count()
    }

    #[pyfunction]
    fn make_dict(n: u32) -> HashMap<String, u32> {
        (0..n).map(|i| (i.to_string(), i)).collect()
    }

    #[pyfunction]
    fn fails(message: String) -> PyResult<()> {
        Err(PyValueError::new_err(message))
    }

    #[pyfunction]
    fn parse(text: String) -> Result<i32, std::num::ParseIntError> {
        text.parse()
    }

    #[pyfunction]
    fn panics(message: String) {
        panic!("{message}")
    }

    #[pyfunction]
    #[pyo3(pass_module)]
    fn module_name(module: &Bound<'_, PyModule>) -> PyResult<String> {
        Ok(module.name()?.to_string())
    }

    /// Defaults as the text signature shows them: literals as written, anything else `...`
    /// (`&str` parameters: not in the abi3-py39 build, whose limited API cannot lend text).
    #[cfg(not(feature = "abi3-py39"))]
    #[pyfunction]
    #[pyo3(signature = (a = -1, b = 2.5, s = "hi", r = r"r\aw", c = 'c', t = true, n = None, v = Vec::new()))]
    #[allow(clippy::too_many_arguments)]
    fn defaults_shown(
        a: i64,
        b: f64,
        s: &str,
        r: &str,
        c: char,
        t: bool,
        n: Option<i64>,
        v: Vec<i64>,
    ) -> (i64, f64, String, String, char, bool, Option<i64>, Vec<i64>) {
        let (s, r) = (s.to_owned(), r.to_owned());
        (a, b, s, r, c, t, n, v)
    }

    fn halve(obj: &Bound<'_, PyAny>) -> PyResult<f64> {
        Ok(obj.extract::<f64>()? / 2.0)
    }

    #[pyfunction]
    fn converted(#[pyo3(from_py_with = halve)] x: f64) -> f64 {
        x
    }

    #[pyfunction(name = "renamed")]
    #[pyo3(text_signature = "(value)")]
    fn original(py: Python<'_>, value: Py<PyAny>) -> Py<PyAny> {
        let _ = py;
        value
    }

    #[pyfunction]
    fn closure_adder(py: Python<'_>, n: i64) -> PyResult<Bound<'_, pyo3::types::PyCFunction>> {
        pyo3::types::PyCFunction::new_closure(py, None, None, move |args, _kwargs| {
            args.get_item(0)?.extract::<i64>().map(|x| x + n)
        })
    }

    /// Warns with `DeprecationWarning` at each call.
    #[pyfunction]
    #[pyo3(warn(message = "warns() is deprecated", category = pyo3::exceptions::PyDeprecationWarning))]
    fn warns() -> i64 {
        1
    }

    /// Two warnings, the first a `UserWarning`.
    #[pyfunction]
    #[pyo3(warn(message = "first"))]
    #[pyo3(warn(message = "second", category = pyo3::exceptions::PyFutureWarning))]
    fn warns_twice(x: i64) -> i64 {
        x
    }

    /// A class whose constructor and methods warn.
    #[pyclass]
    struct Legacy;

    #[pymethods]
    impl Legacy {
        #[new]
        #[pyo3(warn(message = "Legacy is deprecated", category = pyo3::exceptions::PyDeprecationWarning))]
        fn new() -> Self {
            Legacy
        }

        #[pyo3(warn(message = "Legacy.method is deprecated"))]
        fn method(&self) -> i64 {
            2
        }

        #[staticmethod]
        #[pyo3(warn(message = "Legacy.make is deprecated"))]
        fn make() -> i64 {
            3
        }
    }

    /// A submodule of a submodule.
    #[pymodule]
    mod nested {
        #[pymodule_export]
        const DEPTH: u32 = 2;
    }
}
