//! `#[pyfunction]` through an embedded interpreter: signatures, the argument errors CPython
//! users expect, conversions of results, `pass_module`, panics, and reference counts.
#![forbid(unsafe_code)]

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::panic::PanicException;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// Adds two numbers.
#[pyfunction]
fn add(a: i64, b: i64) -> i64 {
    a + b
}

#[pyfunction]
fn sum_as_string(a: usize, b: usize) -> PyResult<String> {
    Ok((a + b).to_string())
}

#[pyfunction]
fn noop() {}

#[pyfunction]
#[pyo3(signature = (x, /))]
fn identity<'py>(x: Bound<'py, PyAny>) -> Bound<'py, PyAny> {
    x
}

#[pyfunction]
#[pyo3(signature = (a, b = 10, /, c = "c".to_string(), *args, d, e = None, **kwargs))]
#[allow(clippy::too_many_arguments)]
fn full(
    a: i64,
    b: i64,
    c: String,
    args: &Bound<'_, PyTuple>,
    d: bool,
    e: Option<f64>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> String {
    let kw = kwargs.map_or(0, |k| k.len());
    format!("{a} {b} {c} {} {d} {e:?} {kw}", args.len())
}

#[pyfunction(name = "renamed")]
fn original_name(py: Python<'_>, s: std::borrow::Cow<'_, str>) -> PyResult<String> {
    let _ = py;
    if s.is_empty() {
        return Err(PyValueError::new_err("empty"));
    }
    Ok(s.to_uppercase())
}

#[pyfunction]
#[pyo3(pass_module)]
fn module_name(module: &Bound<'_, PyModule>) -> PyResult<String> {
    Ok(module.name()?.to_string())
}

fn double_it(obj: &Bound<'_, PyAny>) -> PyResult<i64> {
    Ok(obj.extract::<i64>()? * 2)
}

#[pyfunction]
fn with_converter(#[pyo3(from_py_with = double_it)] x: i64) -> i64 {
    x
}

#[pyfunction]
fn panics(message: String) -> i64 {
    panic!("{message}")
}

#[pyfunction]
#[pyo3(text_signature = None)]
fn no_signature() -> Result<(), std::num::ParseIntError> {
    "x".parse::<i32>().map(|_| ())
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
fn initial(c: char) -> char {
    c
}

#[pyfunction]
#[pyo3(signature = (*args, **kwargs))]
fn totals(args: Vec<i64>, kwargs: Option<std::collections::HashMap<String, i64>>) -> i64 {
    args.iter().sum::<i64>() + kwargs.map_or(0, |k| k.values().sum())
}

/// Runs `code` (an expression) with `f` bound to the function object.
fn call<'py>(f: &Bound<'py, PyAny>, code: &str) -> PyResult<Bound<'py, PyAny>> {
    let py = f.py();
    let locals = PyDict::new(py);
    locals.set_item("f", f)?;
    let code = std::ffi::CString::new(code).unwrap();
    py.eval(&code, None, Some(&locals))
}

fn err_text(py: Python<'_>, e: PyErr) -> String {
    format!("{}: {}", e.get_type(py).name().unwrap(), e.value(py))
}

/// The error's type and message, and its `__notes__` (empty when it has none).
fn err_notes(py: Python<'_>, e: PyErr) -> (String, Vec<String>) {
    let notes = e.value(py).getattr_opt("__notes__").unwrap();
    let notes = notes.map_or_else(Vec::new, |n| n.extract().unwrap());
    (err_text(py, e), notes)
}

/// `(message, [note])` for an argument error naming `param`.
fn noted(message: &str, param: &str) -> (String, Vec<String>) {
    (message.to_string(), vec![format!("while processing '{param}'")])
}

#[test]
fn simple_calls_and_metadata() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(add, py).unwrap().into_any();
        assert_eq!(call(&f, "f(2, 40)").unwrap().extract::<i64>().unwrap(), 42);
        assert_eq!(call(&f, "f(b=2, a=40)").unwrap().extract::<i64>().unwrap(), 42);
        assert_eq!(f.getattr("__name__").unwrap().to_string(), "add");
        assert_eq!(f.getattr("__doc__").unwrap().to_string(), "Adds two numbers.");
        assert_eq!(f.getattr("__text_signature__").unwrap().to_string(), "(a, b)");
        let s = wrap_pyfunction!(sum_as_string, py).unwrap().into_any();
        assert_eq!(call(&s, "f(5, 20)").unwrap().extract::<String>().unwrap(), "25");
        let n = wrap_pyfunction!(noop, py).unwrap().into_any();
        assert!(call(&n, "f()").unwrap().is_none());
        let i = wrap_pyfunction!(identity, py).unwrap().into_any();
        assert_eq!(call(&i, "f('x')").unwrap().to_string(), "x");
        assert_eq!(i.getattr("__text_signature__").unwrap().to_string(), "(x, /)");
        let r = wrap_pyfunction!(original_name, py).unwrap().into_any();
        assert_eq!(r.getattr("__name__").unwrap().to_string(), "renamed");
        assert_eq!(call(&r, "f('abc')").unwrap().to_string(), "ABC");
        assert_eq!(err_text(py, call(&r, "f('')").unwrap_err()), "ValueError: empty");
        let w = wrap_pyfunction!(with_converter, py).unwrap().into_any();
        assert_eq!(call(&w, "f(21)").unwrap().extract::<i64>().unwrap(), 42);
        let ns = wrap_pyfunction!(no_signature, py).unwrap().into_any();
        // Without a signature in the docstring, 3.13+ derives `($self, /)` for a function
        // without parameters (`self` is NULL: no module); earlier versions have none.
        let sig = ns.getattr("__text_signature__").unwrap();
        if py.version_info() >= (3, 13) {
            assert_eq!(sig.to_string(), "($self, /)");
        } else {
            assert!(sig.is_none());
        }
        let e = call(&ns, "f()").unwrap_err();
        assert!(e.is_instance_of::<PyValueError>(py), "{}", err_text(py, e));
    });
}

#[test]
fn full_signature() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(full, py).unwrap().into_any();
        assert_eq!(
            f.getattr("__text_signature__").unwrap().to_string(),
            "(a, b=10, /, c=..., *args, d, e=None, **kwargs)"
        );
        let ok = |code: &str| call(&f, code).unwrap().extract::<String>().unwrap();
        assert_eq!(ok("f(1, d=True)"), "1 10 c 0 true None 0");
        assert_eq!(ok("f(1, 2, 'x', 4, 5, d=False, e=1.5, z=1, y=2)"), "1 2 x 2 false Some(1.5) 2");
        assert_eq!(ok("f(1, c='k', d=True)"), "1 10 k 0 true None 0");
        let err = |code: &str| err_text(py, call(&f, code).unwrap_err());
        let with_notes = |code: &str| err_notes(py, call(&f, code).unwrap_err());
        assert_eq!(
            err("f(d=True)"),
            "TypeError: full() missing 1 required positional argument: 'a'"
        );
        assert_eq!(err("f(1)"), "TypeError: full() missing 1 required keyword argument: 'd'");
        assert_eq!(
            with_notes("f(1, d=True, c=1)"),
            noted("TypeError: 'int' object is not an instance of 'str'", "c")
        );
        assert_eq!(
            with_notes("f(1, d=True, c=None)"),
            noted("TypeError: 'None' is not an instance of 'str'", "c")
        );
        // Unknown keywords go to **kwargs; a positional-only name passed by keyword too.
        assert_eq!(ok("f(1, d=True, a=5)"), "1 10 c 0 true None 1");
        let add = wrap_pyfunction!(add, py).unwrap().into_any();
        let err = |code: &str| err_text(py, call(&add, code).unwrap_err());
        let with_notes = |code: &str| err_notes(py, call(&add, code).unwrap_err());
        assert_eq!(err("f(1)"), "TypeError: add() missing 1 required positional argument: 'b'");
        assert_eq!(
            err("f()"),
            "TypeError: add() missing 2 required positional arguments: 'a' and 'b'"
        );
        assert_eq!(
            err("f(1, 2, 3)"),
            "TypeError: add() takes 2 positional arguments but 3 were given"
        );
        assert_eq!(err("f(1, 2, c=3)"), "TypeError: add() got an unexpected keyword argument 'c'");
        assert_eq!(err("f(1, a=3)"), "TypeError: add() got multiple values for argument 'a'");
        assert_eq!(
            with_notes("f(1, 'x')"),
            noted("TypeError: 'str' object cannot be interpreted as an integer", "b")
        );
        // Errors other than TypeError get the note too, their message unchanged.
        let (overflow, notes) = with_notes("f(2**70, 1)");
        assert_eq!(overflow.split(':').next().unwrap(), "OverflowError");
        assert_eq!(notes, ["while processing 'a'"]);
        if !cfg!(PyPy) {
            assert_eq!(overflow, "OverflowError: Python int too large to convert to C long");
        }
        let ident = wrap_pyfunction!(identity, py).unwrap().into_any();
        let e = call(&ident, "f(x=1)").unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
    });
}

#[test]
fn positional_only_names_given_by_keyword_are_all_listed() {
    Python::attach(|py| {
        let two = wrap_pyfunction!(posonly_two, py).unwrap().into_any();
        let three = wrap_pyfunction!(posonly_three, py).unwrap().into_any();
        let err = |f: &Bound<'_, PyAny>, code: &str| err_text(py, call(f, code).unwrap_err());
        let prefix = "got some positional-only arguments passed as keyword arguments";
        assert_eq!(err(&two, "f(1, b=2)"), format!("TypeError: posonly_two() {prefix}: 'b'"));
        assert_eq!(
            err(&two, "f(a=1, b=2)"),
            format!("TypeError: posonly_two() {prefix}: 'a' and 'b'")
        );
        // In the order given, after every keyword is seen; before missing arguments.
        assert_eq!(
            err(&three, "f(c=3, a=1, d=4, b=2)"),
            format!("TypeError: posonly_three() {prefix}: 'c', 'a', and 'b'")
        );
        assert_eq!(
            err(&three, "f(a=1, e=5)"),
            "TypeError: posonly_three() got an unexpected keyword argument 'e'"
        );
        assert_eq!(
            err(&three, "f()"),
            "TypeError: posonly_three() missing 3 required positional arguments: 'a', 'b', and 'c'"
        );
    });
}

#[test]
fn argument_errors_keep_the_exception_and_add_a_note() {
    Python::attach(|py| {
        let initial = wrap_pyfunction!(initial, py).unwrap().into_any();
        let e = call(&initial, "f('ab')").unwrap_err();
        assert!(e.is_instance_of::<PyValueError>(py));
        assert_eq!(err_notes(py, e), noted("ValueError: expected a string of length 1", "c"));
        let converted = wrap_pyfunction!(with_converter, py).unwrap().into_any();
        assert_eq!(
            err_notes(py, call(&converted, "f('x')").unwrap_err()),
            noted("TypeError: 'str' object cannot be interpreted as an integer", "x")
        );
        // `*args` and `**kwargs` are named as a whole when one of their items fails.
        let totals = wrap_pyfunction!(totals, py).unwrap().into_any();
        assert_eq!(call(&totals, "f(1, 2, x=3)").unwrap().extract::<i64>().unwrap(), 6);
        assert_eq!(
            err_notes(py, call(&totals, "f(1, 'two')").unwrap_err()),
            noted("TypeError: 'str' object cannot be interpreted as an integer", "args")
        );
        assert_eq!(
            err_notes(py, call(&totals, "f(1, x=None)").unwrap_err()),
            noted("TypeError: 'NoneType' object cannot be interpreted as an integer", "kwargs")
        );
        // The exception object itself is what the function raises: same identity, cause kept.
        let locals = PyDict::new(py);
        locals.set_item("f", &converted).unwrap();
        py.run(
            c"
class Bad:
    def __index__(self):
        raise KeyError('k') from ZeroDivisionError('z')
try:
    f(Bad())
except KeyError as e:
    assert e.args == ('k',), e.args
    assert type(e.__cause__) is ZeroDivisionError, e.__cause__
    assert e.__notes__ == [\"while processing 'x'\"], e.__notes__
else:
    raise AssertionError('no error')
",
            None,
            Some(&locals),
        )
        .unwrap();
    });
}

#[test]
fn pass_module_and_free_functions() {
    Python::attach(|py| {
        let m = PyModule::new(py, "holder").unwrap();
        let f = wrap_pyfunction!(module_name, &m).unwrap();
        m.add_function(f).unwrap();
        let f = m.getattr("module_name").unwrap();
        assert_eq!(f.call0().unwrap().to_string(), "holder");
        assert_eq!(f.getattr("__module__").unwrap().to_string(), "holder");
        let free = wrap_pyfunction!(module_name, py).unwrap();
        let e = free.call0().unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        let all: Vec<String> = m.getattr("__all__").unwrap().extract().unwrap();
        assert_eq!(all, ["module_name"]);
    });
}

#[test]
fn panics_become_panic_exception() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(panics, py).unwrap().into_any();
        let locals = PyDict::new(py);
        locals.set_item("f", &f).unwrap();
        py.run(
            c"
try:
    f('boom')
except Exception:
    caught = 'caught by except Exception'
except BaseException as e:
    import pyroxide_runtime
    assert type(e) is pyroxide_runtime.PanicException
    caught = str(e)
",
            None,
            Some(&locals),
        )
        .unwrap();
        assert_eq!(locals.get_item("caught").unwrap().unwrap().to_string(), "boom");
        // The interpreter is still usable, and so is the function.
        let add = wrap_pyfunction!(add, py).unwrap().into_any();
        assert_eq!(call(&add, "f(1, 2)").unwrap().extract::<i64>().unwrap(), 3);
        let _ = PanicException::new_err(("unused",));
    });
}

#[test]
#[cfg_attr(PyPy, ignore = "PyPy: counts include REFCNT_FROM_PYPY; its GC frees objects")]
fn arguments_are_not_leaked() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(identity, py).unwrap().into_any();
        let full = wrap_pyfunction!(full, py).unwrap().into_any();
        let obj = pyo3::types::PyString::new(py, "tracked").into_any();
        let before = obj.get_refcnt();
        for _ in 0..100 {
            let out = f.call1((&obj,)).unwrap();
            assert!(out.is(&obj));
            let kwargs = PyDict::new(py);
            kwargs.set_item("d", true).unwrap();
            kwargs.set_item("extra", &obj).unwrap();
            full.call((1, 2, "c", &obj, &obj), Some(&kwargs)).unwrap();
        }
        assert_eq!(obj.get_refcnt(), before);
    });
}
