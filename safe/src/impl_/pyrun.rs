//! What [`py_run!`](crate::py_run) expands to: building the locals dict, removing the common
//! indentation of the code, and running it (printing the Python traceback and panicking on an
//! exception, since the macro is meant for tests and examples).

use crate::conversion::IntoPyObject;
use crate::instance::{Bound, BoundObject};
use crate::marker::Python;
use crate::types::{PyAny, PyDict, PyDictMethods};
use std::ffi::CString;

/// A new, empty locals dict.
pub fn new_locals(py: Python<'_>) -> Bound<'_, PyDict> {
    PyDict::new(py)
}

/// `locals[name] = value`; panics if the conversion fails.
pub fn set_local<'py, V: IntoPyObject<'py>>(locals: &Bound<'py, PyDict>, name: &str, value: V) {
    let value: Bound<'py, PyAny> = match value.into_pyobject(locals.py()) {
        Ok(v) => v.into_any().into_bound(),
        Err(e) => panic!("py_run!: cannot convert `{name}`: {}", Into::<crate::PyErr>::into(e)),
    };
    locals.set_item(name, value).unwrap_or_else(|e| panic!("py_run!: cannot set `{name}`: {e}"));
}

/// Runs `code` (unindented) with `__main__`'s globals and `locals`; on an exception, prints
/// it with its traceback and panics with the code.
#[track_caller]
pub fn run(py: Python<'_>, locals: &Bound<'_, PyDict>, code: &str) {
    let code = unindent(code);
    let source = CString::new(code.as_str()).expect("py_run!: the code contains a NUL byte");
    if let Err(e) = py.run(&source, None, Some(locals)) {
        e.print(py);
        // Make sure the traceback reaches the terminal before the panic message.
        let _ = py.run(c"import sys; sys.stderr.flush()", None, None);
        panic!("{code}");
    }
}

/// `code` without the indentation common to its non-blank lines, and without a leading blank
/// line (so that `r#"` … `"#` blocks indented with the Rust code run as Python).
pub fn unindent(code: &str) -> String {
    let code = code.strip_prefix('\n').unwrap_or(code);
    let indent = code
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(code.len());
    for line in code.lines() {
        out.push_str(line.get(indent..).unwrap_or_else(|| line.trim_start_matches([' ', '\t'])));
        out.push('\n');
    }
    out
}

/// Runs Python code with Rust values as local variables, for tests and examples (PyO3's
/// `py_run!`). Panics, after printing the Python traceback, if the code raises.
///
/// - `py_run!(py, a b, "code")`: the variables `a` and `b` (anything `&a` converts from, e.g.
///   `Bound`, `Py` or integers) are locals under their own names;
/// - `py_run!(py, *locals, "code")`: `locals` is a `Bound<PyDict>` of local variables.
///
/// The code's common indentation is removed, so it can be indented with the Rust code.
///
/// ```
/// use pyroxide::prelude::*;
/// use pyroxide::py_run;
/// use pyroxide::types::PyList;
///
/// # Python::initialize(); // embedding without `auto-initialize`
/// Python::attach(|py| {
///     let list = PyList::new(py, [1, 2, 3]).unwrap();
///     let n = 3;
///     py_run!(py, list n, r#"
///         assert len(list) == n
///         assert list[-1] == 3
///     "#);
/// });
/// ```
#[macro_export]
macro_rules! py_run {
    ($py:expr, $($val:ident)+, $code:expr) => {{
        let py: $crate::Python<'_> = $py;
        let locals = $crate::impl_::pyrun::new_locals(py);
        $($crate::impl_::pyrun::set_local(&locals, ::std::stringify!($val), &$val);)+
        $crate::impl_::pyrun::run(py, &locals, $code);
    }};
    ($py:expr, *$dict:expr, $code:expr) => {{
        $crate::impl_::pyrun::run($py, &$dict, $code);
    }};
}
