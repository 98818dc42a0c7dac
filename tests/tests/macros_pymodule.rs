//! `#[pymodule]` in both forms through an embedded interpreter: functions, constants,
//! submodules and the init hook of a declarative module, `wrap_pymodule!`, and macro output
//! compiling under `#![forbid(unsafe_code)]` and `#![no_implicit_prelude]`.
#![forbid(unsafe_code)]

use pyo3::prelude::*;
use pyo3::types::PyDict;

#[pyfunction]
fn double(x: i64) -> i64 {
    x * 2
}

/// A module made by a function.
#[pymodule]
fn funcs(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(double, m)?)?;
    m.add("ANSWER", 42)?;
    Ok(())
}

#[pymodule(name = "legacy_name")]
fn legacy(py: Python<'_>, m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("version", py.version())
}

/// A function-form module declaring its functions with `#[pyfn]` (deprecated in PyO3).
#[pymodule]
fn with_pyfn(m: &Bound<'_, PyModule>) -> PyResult<()> {
    #[pyfn(m)]
    fn plain(x: i64) -> i64 {
        x + 1
    }

    #[pyfn(m, name = "renamed")]
    #[pyo3(signature = (x, y = 2))]
    fn original(x: i64, y: i64) -> i64 {
        x * y
    }

    m.add("after", 1)
}

/// A declarative module.
#[pymodule]
mod declarative {
    use pyo3::prelude::*;

    #[pymodule_export]
    use super::double;

    #[pymodule_export]
    const LIMIT: u32 = 7;

    #[pyfunction]
    fn triple(x: i64) -> i64 {
        x * 3
    }

    /// A submodule.
    #[pymodule]
    mod inner {
        #[pyo3::pyfunction]
        fn quadruple(x: i64) -> i64 {
            x * 4
        }
    }

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("double_alias", m.getattr("double")?)
    }

    /// A class defined in the module: its `__module__` is the module's name.
    #[pyclass]
    struct Point;

    #[pyclass(frozen)]
    #[derive(PartialEq)]
    enum Shade {
        Light,
    }

    #[pyclass(module = "elsewhere")]
    struct Placed;

    #[pyclass]
    #[pyo3(module = "also.elsewhere")]
    struct PlacedToo;

    /// A submodule with a class and an init hook taking `py`.
    #[pymodule]
    mod deep {
        use pyo3::prelude::*;

        #[pyclass]
        struct Deeper;

        #[pymodule_init]
        fn init(py: Python<'_>, m: &Bound<'_, PyModule>) -> PyResult<()> {
            m.add("version", py.version())
        }
    }

    /// A submodule whose init hook takes nothing.
    #[pymodule(name = "renamed")]
    mod plain {
        #[pymodule_init]
        fn init() -> pyo3::PyResult<()> {
            Ok(())
        }
    }
}

#[no_implicit_prelude]
mod without_prelude {
    #[::pyo3::pyfunction]
    #[pyo3(signature = (a, b = 2, *, c = 3))]
    pub fn weighted(a: i64, b: i64, c: i64) -> i64 {
        a + b * c
    }

    #[::pyo3::pymodule]
    pub mod np_module {
        #[pymodule_export]
        use super::weighted;
    }
}

fn eval<'py>(py: Python<'py>, module: &Bound<'py, PyAny>, code: &str) -> Bound<'py, PyAny> {
    let locals = PyDict::new(py);
    locals.set_item("m", module).unwrap();
    let code = std::ffi::CString::new(code).unwrap();
    py.eval(&code, None, Some(&locals)).unwrap_or_else(|e| panic!("{code:?}: {e}"))
}

#[test]
fn function_form() {
    Python::attach(|py| {
        let m = wrap_pymodule!(funcs)(py).into_bound(py).into_any();
        assert_eq!(eval(py, &m, "m.double(21)").extract::<i64>().unwrap(), 42);
        assert_eq!(eval(py, &m, "m.ANSWER").extract::<i64>().unwrap(), 42);
        assert_eq!(eval(py, &m, "m.__name__").to_string(), "funcs");
        assert_eq!(eval(py, &m, "m.__doc__").to_string(), "A module made by a function.");
        assert_eq!(eval(py, &m, "sorted(m.__all__)").to_string(), "['ANSWER', 'double']");
        assert_eq!(eval(py, &m, "m.double.__module__").to_string(), "funcs");
        let pyfn = wrap_pymodule!(with_pyfn)(py).into_bound(py).into_any();
        assert_eq!(eval(py, &pyfn, "m.plain(1)").extract::<i64>().unwrap(), 2);
        assert_eq!(eval(py, &pyfn, "m.renamed(3)").extract::<i64>().unwrap(), 6);
        assert_eq!(eval(py, &pyfn, "m.renamed.__text_signature__").to_string(), "(x, y=2)");
        assert_eq!(eval(py, &pyfn, "m.after").extract::<i64>().unwrap(), 1);
        // The same module object each time, as in PyO3.
        assert!(wrap_pymodule!(funcs)(py).into_bound(py).into_any().is(&m));
        let legacy = wrap_pymodule!(legacy)(py).into_bound(py).into_any();
        assert_eq!(eval(py, &legacy, "m.__name__").to_string(), "legacy_name");
        assert_eq!(eval(py, &legacy, "m.version").to_string(), py.version());
    });
}

#[test]
fn declarative_form() {
    Python::attach(|py| {
        let m = wrap_pymodule!(declarative)(py).into_bound(py).into_any();
        assert_eq!(eval(py, &m, "m.double(5)").extract::<i64>().unwrap(), 10);
        assert_eq!(eval(py, &m, "m.triple(5)").extract::<i64>().unwrap(), 15);
        assert_eq!(eval(py, &m, "m.LIMIT").extract::<u32>().unwrap(), 7);
        assert_eq!(eval(py, &m, "m.double_alias(4)").extract::<i64>().unwrap(), 8);
        assert_eq!(eval(py, &m, "m.inner.quadruple(2)").extract::<i64>().unwrap(), 8);
        assert_eq!(eval(py, &m, "m.inner.__name__").to_string(), "declarative.inner");
        assert_eq!(eval(py, &m, "m.__doc__").to_string(), "A declarative module.");
        // Classes take the module they are defined in, unless they name one.
        assert_eq!(eval(py, &m, "m.Point.__module__").to_string(), "declarative");
        assert_eq!(eval(py, &m, "repr(m.Shade)").to_string(), "<class 'declarative.Shade'>");
        assert_eq!(eval(py, &m, "m.Placed.__module__").to_string(), "elsewhere");
        assert_eq!(eval(py, &m, "m.PlacedToo.__module__").to_string(), "also.elsewhere");
        assert_eq!(eval(py, &m, "m.deep.Deeper.__module__").to_string(), "declarative.deep");
        assert_eq!(eval(py, &m, "m.deep.version").to_string(), py.version());
        assert_eq!(eval(py, &m, "m.renamed.__name__").to_string(), "declarative.renamed");
        let np = wrap_pymodule!(without_prelude::np_module)(py).into_bound(py).into_any();
        assert_eq!(eval(py, &np, "m.weighted(1)").extract::<i64>().unwrap(), 7);
        assert_eq!(eval(py, &np, "m.weighted(1, 3, c=4)").extract::<i64>().unwrap(), 13);
        assert_eq!(eval(py, &np, "m.weighted.__text_signature__").to_string(), "(a, b=2, *, c=3)");
    });
}
