//! `bench_pyroxide`: the benchmark functions of `bench/common/` built with Pyroxide.
#![forbid(unsafe_code)]

use pyo3::prelude::*;

#[path = "../../common/functions.rs"]
mod functions;
// TODO(pyclass): include `../../common/counter.rs` and register `Counter` once Pyroxide has
// `#[pyclass]`; `bench/run.py` skips the class rows for Pyroxide until then.

/// The benchmark module.
#[pymodule]
fn bench_pyroxide(m: &Bound<'_, PyModule>) -> PyResult<()> {
    functions::register(m)
}
