//! `PyFunction`, `PyCode`, `PyFrame`, `PySuper` and `complex` arithmetic.

use pyo3::exceptions::PySyntaxError;
use pyo3::prelude::*;
use pyo3::types::{PyCode, PyCodeInput, PyCodeMethods, PyDict};
use pyo3::PyTypeInfo;

const CLASSES: &std::ffi::CStr = c"
class Base:
    def who(self):
        return 'Base'
    def greet(self, name):
        return 'hello ' + name
class Middle(Base):
    def who(self):
        return 'Middle'
class Leaf(Middle):
    def who(self):
        return 'Leaf'
def plain(x):
    return x * 2
leaf = Leaf()
";

fn namespace(py: Python<'_>) -> Bound<'_, PyDict> {
    let ns = PyDict::new(py);
    py.run(CLASSES, Some(&ns), None).unwrap();
    ns
}

fn item<'py>(ns: &Bound<'py, PyDict>, key: &str) -> Bound<'py, PyAny> {
    ns.get_item(key).unwrap().unwrap()
}

#[cfg(not(Py_LIMITED_API))]
#[test]
#[cfg_attr(PyPy, ignore = "PyPy: builtin functions are not PyCFunction instances")]
fn python_functions_are_pyfunction_and_not_pycfunction() {
    use pyo3::types::{PyCFunction, PyFunction};
    Python::attach(|py| {
        let ns = namespace(py);
        let plain = item(&ns, "plain");
        let f = plain.cast::<PyFunction>().unwrap();
        assert_eq!(f.call1((21,)).unwrap().extract::<i32>().unwrap(), 42);
        assert!(plain.cast::<PyCFunction>().is_err());
        let builtin_len = py.import("builtins").unwrap().getattr("len").unwrap();
        assert!(builtin_len.is_instance_of::<PyCFunction>());
        assert_eq!(
            builtin_len.cast::<PyFunction>().unwrap_err().to_string(),
            "'builtin_function_or_method' object is not an instance of 'FunctionType'"
        );
        let ty = PyFunction::type_object(py);
        assert!(ty.is(&py.import("types").unwrap().getattr("FunctionType").unwrap()));
    });
}

#[test]
fn code_compiles_and_runs_in_namespaces() {
    Python::attach(|py| {
        let code = PyCode::compile(py, c"x * 2 + y", c"calc.py", PyCodeInput::Eval).unwrap();
        assert_eq!(code.getattr("co_filename").unwrap().extract::<String>().unwrap(), "calc.py");
        let globals = PyDict::new(py);
        globals.set_item("x", 20).unwrap();
        let locals = PyDict::new(py);
        locals.set_item("y", 2).unwrap();
        assert_eq!(code.run(Some(&globals), Some(&locals)).unwrap().extract::<i32>().unwrap(), 42);
        // `__builtins__` is added to globals that lack it, as `exec` does.
        assert!(globals.contains("__builtins__").unwrap());

        let stmts = PyCode::compile(py, c"z = len('abc')\n", c"<s>", PyCodeInput::File).unwrap();
        let ns = PyDict::new(py);
        assert!(stmts.run(Some(&ns), None).unwrap().is_none());
        assert_eq!(item(&ns, "z").extract::<i32>().unwrap(), 3);

        let e = PyCode::compile(py, c"x = = 1", c"bad.py", PyCodeInput::File).unwrap_err();
        assert!(e.is_instance_of::<PySyntaxError>(py));
        assert_eq!(e.value(py).getattr("filename").unwrap().extract::<String>().unwrap(), "bad.py");
        // An assignment is not an expression.
        let e = PyCode::compile(py, c"x = 1", c"<e>", PyCodeInput::Eval).unwrap_err();
        assert!(e.is_instance_of::<PySyntaxError>(py));

        let type_name = PyCode::type_object(py).name().unwrap().to_string();
        assert_eq!(type_name, "code");
        assert!(item(&namespace(py), "plain")
            .getattr("__code__")
            .unwrap()
            .is_instance_of::<PyCode>());
    });
}

/// Not on PyPy: `PyFrame` is not there (as in PyO3).
#[cfg(not(any(Py_LIMITED_API, PyPy)))]
#[test]
fn frames_report_their_code_line_and_caller() {
    use pyo3::types::{PyFrame, PyFrameMethods};
    Python::attach(|py| {
        let frame = PyFrame::new(py, c"synthetic.py", c"made_up", 17).unwrap();
        assert_eq!(frame.get_refcnt(), 1);
        let code = frame.code();
        assert_eq!(code.getattr("co_name").unwrap().extract::<String>().unwrap(), "made_up");
        assert_eq!(
            code.getattr("co_filename").unwrap().extract::<String>().unwrap(),
            "synthetic.py"
        );
        assert_eq!(frame.line_number(), 17);
        assert!(frame.outer().is_none());

        let ns = PyDict::new(py);
        py.run(
            c"import sys\ndef inner():\n    local_value = 5\n    return sys._getframe()\ndef outer():\n    return inner()\n",
            Some(&ns),
            None,
        )
        .unwrap();
        let got = item(&ns, "outer").call0().unwrap();
        let f = got.cast::<PyFrame>().unwrap();
        assert_eq!(f.line_number(), 4);
        assert_eq!(f.code().getattr("co_name").unwrap().extract::<String>().unwrap(), "inner");
        let caller = f.outer().unwrap();
        assert_eq!(caller.code().getattr("co_name").unwrap().extract::<String>().unwrap(), "outer");
        assert_eq!(caller.line_number(), 6);
        #[cfg(Py_3_11)]
        {
            assert!(f.globals().is(&ns));
            assert!(f.builtins().contains("len").unwrap());
            assert_eq!(f.locals().get_item("local_value").unwrap().extract::<i32>().unwrap(), 5);
        }
        #[cfg(Py_3_12)]
        {
            assert_eq!(f.var(c"local_value").unwrap().extract::<i32>().unwrap(), 5);
            let e = f.var(c"missing").unwrap_err();
            assert!(e.is_instance_of::<pyo3::exceptions::PyNameError>(py), "{e}");
        }
        assert!(PyFrame::type_object(py).is(&py
            .import("types")
            .unwrap()
            .getattr("FrameType")
            .unwrap()));
    });
}

/// Not on PyPy: `PySuper` is not there (as in PyO3).
#[cfg(not(PyPy))]
#[test]
fn super_skips_classes_in_the_mro() {
    use pyo3::exceptions::PyTypeError;
    use pyo3::types::{PySuper, PyType};
    Python::attach(|py| {
        let ns = namespace(py);
        let leaf = item(&ns, "leaf");
        let leaf_type = item(&ns, "Leaf").cast_into::<PyType>().unwrap();
        let middle_type = item(&ns, "Middle").cast_into::<PyType>().unwrap();
        let before = leaf.get_refcnt();
        let sup = PySuper::new(&leaf_type, &leaf).unwrap();
        assert_eq!(leaf.get_refcnt(), before + 1);
        assert_eq!(sup.call_method0("who").unwrap().extract::<String>().unwrap(), "Middle");
        let sup2 = PySuper::new(&middle_type, &leaf).unwrap();
        assert_eq!(sup2.call_method0("who").unwrap().extract::<String>().unwrap(), "Base");
        assert_eq!(
            sup2.call_method1("greet", ("bob",)).unwrap().extract::<String>().unwrap(),
            "hello bob"
        );
        drop((sup, sup2));
        assert_eq!(leaf.get_refcnt(), before);
        let e = PySuper::new(&leaf_type, &item(&ns, "plain")).unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        // The wording names the types from 3.13 on.
        let expected = if py.version_info() >= (3, 13) {
            "super(type, obj): obj (instance of function) is not an instance or subtype of type (Leaf)."
        } else {
            "super(type, obj): obj must be an instance or subtype of type"
        };
        assert_eq!(e.value(py).to_string(), expected);
        assert!(PySuper::type_object(py).is(&py
            .import("builtins")
            .unwrap()
            .getattr("super")
            .unwrap()));
    });
}

/// Not on PyPy: `PyComplex` arithmetic is not there (as in PyO3).
#[cfg(not(any(Py_LIMITED_API, PyPy)))]
#[test]
fn complex_arithmetic() {
    use pyo3::types::{PyComplex, PyComplexMethods};
    Python::attach(|py| {
        let parts = |c: &Bound<'_, PyComplex>| (c.real(), c.imag());
        let a = PyComplex::from_doubles(py, 3.0, 4.0);
        let b = PyComplex::from_doubles(py, 1.0, -2.0);
        let a_before = a.get_refcnt();
        assert_eq!(parts(&(&a + &b)), (4.0, 2.0));
        assert_eq!(parts(&(&a - &b)), (2.0, 6.0));
        assert_eq!(parts(&(&a * &b)), (11.0, -2.0));
        assert_eq!(parts(&(&a / &b)), (-1.0, 2.0));
        assert_eq!(parts(&(-&a)), (-3.0, -4.0));
        assert_eq!(parts(&(a.clone() + b.clone())), (4.0, 2.0));
        assert_eq!(parts(&(a.clone() - &b)), (2.0, 6.0));
        assert_eq!(parts(&(&a * b.clone())), (11.0, -2.0));
        assert_eq!(parts(&(-a.clone())), (-3.0, -4.0));
        assert_eq!(parts(&(a.as_borrowed() + b.as_borrowed())), (4.0, 2.0));
        assert_eq!(a.get_refcnt(), a_before);
        assert_eq!(a.abs(), 5.0);
        assert_eq!(b.abs(), 5.0_f64.sqrt());
        let i = PyComplex::from_doubles(py, 0.0, 1.0);
        let two = PyComplex::from_doubles(py, 2.0, 0.0);
        let sq = i.pow(&two);
        assert!((sq.real() + 1.0).abs() < 1e-15 && sq.imag().abs() < 1e-15);
        assert_eq!(parts(&a.pow(&PyComplex::from_doubles(py, 1.0, 0.0))), (3.0, 4.0));
        let zero = PyComplex::from_doubles(py, 0.0, 0.0);
        let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| &a / &zero));
        let msg = panic.unwrap_err();
        assert_eq!(
            msg.downcast_ref::<String>().map(String::as_str).unwrap_or_default().split(':').next(),
            Some("Complex method div failed.")
        );
    });
}
