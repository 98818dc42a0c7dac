//! The extension module of the macro suites: `pyroxide_ext.<area>` submodules, each defined in
//! `test_<area>.rs` and exercised by `tests/python/test_<area>.py` on every interpreter.
#![forbid(unsafe_code)]

use pyo3::prelude::*;

mod test_class_args;
mod test_classes;
mod test_conversions;
mod test_derives;
mod test_enums;
mod test_functions;
#[cfg(not(feature = "abi3-py39"))]
mod test_native_bases;
mod test_protocols;
mod test_reliability;
mod test_threads;

/// Pyroxide's macro test suite.
#[pymodule]
mod pyroxide_ext {
    #[pymodule_export]
    use super::test_class_args::class_args;
    #[pymodule_export]
    use super::test_classes::classes;
    #[pymodule_export]
    use super::test_conversions::conversions;
    #[pymodule_export]
    use super::test_derives::derives;
    #[pymodule_export]
    use super::test_enums::enums;
    #[pymodule_export]
    use super::test_functions::functions;
    #[cfg(not(feature = "abi3-py39"))]
    #[pymodule_export]
    use super::test_native_bases::native_bases;
    #[pymodule_export]
    use super::test_protocols::protocols;
    #[pymodule_export]
    use super::test_reliability::reliability;
    #[pymodule_export]
    use super::test_threads::threads;
}
