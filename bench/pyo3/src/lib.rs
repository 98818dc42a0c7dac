//! `bench_pyo3`: the benchmark functions and class of `bench/common/` built with PyO3 0.30.1.
#![forbid(unsafe_code)]

use pyo3::prelude::*;

#[path = "../../common/counter.rs"]
mod counter;
#[path = "../../common/extra.rs"]
mod extra;
#[path = "../../common/functions.rs"]
mod functions;

/// The benchmark module.
#[pymodule]
fn bench_pyo3(m: &Bound<'_, PyModule>) -> PyResult<()> {
    functions::register(m)?;
    extra::register(m)?;
    m.add_class::<counter::Counter>()
}
