//! `PanicException` and the exception-declaring macros (`create_exception!`,
//! `import_exception!`): types, messages, subclassing, caching, raising from Python, and the
//! panic resumed when a `PanicException` is fetched.

use pyo3::exceptions::{PyBaseException, PyException, PyValueError};
use pyo3::ffi::c_str;
use pyo3::panic::PanicException;
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyType};
use pyo3::{create_exception, import_exception, PyTypeInfo};
use std::panic::{catch_unwind, AssertUnwindSafe};

create_exception!(mymodule, CustomError, PyValueError, "Some description.");
create_exception!(mymodule, NoDocError, PyException);
create_exception!(mymodule, SubCustomError, CustomError);
import_exception!(socket, gaierror);
import_exception!(email.errors, MessageError);
import_exception!(nonexistent_module_for_pyroxide, Missing);

fn message(py: Python<'_>, e: &PyErr) -> String {
    e.value(py).to_string()
}

fn issubclass(py: Python<'_>, a: &Bound<'_, PyType>, b: &Bound<'_, PyType>) -> bool {
    let locals = [("a", a), ("b", b)].into_py_dict(py).unwrap();
    py.eval(c_str!("issubclass(a, b)"), None, Some(&locals)).unwrap().extract().unwrap()
}

#[test]
fn panic_exception_from_payload_has_message_and_type() {
    Python::attach(|py| {
        let err = PanicException::from_panic_payload(Box::new("static message"));
        assert!(err.is_instance_of::<PanicException>(py));
        assert!(!err.is_instance_of::<PyException>(py));
        assert!(err.is_instance_of::<PyBaseException>(py));
        assert_eq!(message(py, &err), "static message");
        let err = PanicException::from_panic_payload(Box::new(String::from("owned message")));
        assert_eq!(message(py, &err), "owned message");
        let err = PanicException::from_panic_payload(Box::new(42_u32));
        assert_eq!(message(py, &err), "panic from Rust code");
        assert_eq!(err.to_string(), "PanicException: panic from Rust code");
        let ty = py.get_type::<PanicException>();
        assert_eq!(ty.getattr("__module__").unwrap().to_string(), "pyroxide_runtime");
        assert_eq!(ty.getattr("__name__").unwrap().to_string(), "PanicException");
        // Cached: the same class object every time.
        assert!(ty.is(&PanicException::type_object(py)));
        assert!(ty
            .getattr("__doc__")
            .unwrap()
            .to_string()
            .starts_with("Raised when Rust code called from Python panics"));
    });
}

#[test]
fn panic_exception_is_importable_and_catchable_from_python() {
    Python::attach(|py| {
        let ty = py.get_type::<PanicException>();
        let imported = py.eval(c_str!("__import__('pyroxide_runtime').PanicException"), None, None);
        assert!(imported.unwrap().is(&ty));
        let locals = [("P", &ty)].into_py_dict(py).unwrap();
        py.run(
            c_str!(
                "try:\n    raise P('boom')\nexcept Exception:\n    caught = 'Exception'\n\
                 except BaseException as e:\n    caught = 'BaseException: ' + str(e)\n"
            ),
            None,
            Some(&locals),
        )
        .unwrap();
        let caught: String = locals.get_item("caught").unwrap().unwrap().extract().unwrap();
        assert_eq!(caught, "BaseException: boom");
    });
}

#[test]
fn fetching_a_panic_exception_resumes_the_panic() {
    Python::attach(|py| {
        PanicException::new_err("resumed from Python").restore(py);
        assert!(PyErr::occurred(py));
        let payload = catch_unwind(AssertUnwindSafe(|| PyErr::fetch(py))).unwrap_err();
        assert_eq!(
            payload.downcast_ref::<String>().map(String::as_str),
            Some("resumed from Python")
        );
        // The indicator was cleared and the interpreter is usable.
        assert!(!PyErr::occurred(py));
        assert_eq!(py.eval(c_str!("6 * 7"), None, None).unwrap().extract::<i32>().unwrap(), 42);

        // Raised by Python code: the error path of `run` fetches it and resumes the panic.
        let ty = py.get_type::<PanicException>();
        let locals = [("P", ty)].into_py_dict(py).unwrap();
        let payload = catch_unwind(AssertUnwindSafe(|| {
            let _ = py.run(c_str!("raise P('from python code')"), None, Some(&locals));
        }))
        .unwrap_err();
        assert_eq!(payload.downcast_ref::<String>().map(String::as_str), Some("from python code"));
        assert!(!PyErr::occurred(py));
        // Other exceptions are still taken normally.
        PyValueError::new_err("plain").restore(py);
        let err = PyErr::take(py).unwrap();
        assert!(err.is_instance_of::<PyValueError>(py));
    });
}

#[test]
fn create_exception_makes_cached_subclasses() {
    Python::attach(|py| {
        let custom = py.get_type::<CustomError>();
        let sub = py.get_type::<SubCustomError>();
        let value_error = py.get_type::<PyValueError>();
        assert!(issubclass(py, &custom, &value_error));
        assert!(issubclass(py, &sub, &custom));
        assert!(!issubclass(py, &custom, &sub));
        assert!(issubclass(py, &py.get_type::<NoDocError>(), &py.get_type::<PyException>()));
        assert!(custom.is(&CustomError::type_object(py)));
        assert_eq!(custom.getattr("__module__").unwrap().to_string(), "mymodule");
        assert_eq!(custom.getattr("__qualname__").unwrap().to_string(), "CustomError");
        assert_eq!(custom.getattr("__doc__").unwrap().to_string(), "Some description.");
        assert!(py.get_type::<NoDocError>().getattr("__doc__").unwrap().is_none());
        assert_eq!(<CustomError as PyTypeInfo>::NAME, "CustomError");
        assert_eq!(<CustomError as PyTypeInfo>::MODULE, Some("mymodule"));

        let err = SubCustomError::new_err(("bad", 2));
        assert!(err.is_instance_of::<SubCustomError>(py));
        assert!(err.is_instance_of::<CustomError>(py));
        assert!(err.is_instance_of::<PyValueError>(py));
        assert_eq!(message(py, &err), "('bad', 2)");
        assert_eq!(CustomError::new_err("oops").to_string(), "CustomError: oops");
    });
}

#[test]
fn created_exceptions_are_raised_and_caught_by_python_code() {
    Python::attach(|py| {
        let locals = [("CustomError", py.get_type::<CustomError>())].into_py_dict(py).unwrap();
        py.run(
            c_str!(
                "try:\n    raise CustomError('raised in Python')\n\
                 except ValueError as e:\n    caught = (type(e).__name__, str(e))\n"
            ),
            None,
            Some(&locals),
        )
        .unwrap();
        let caught: (String, String) =
            locals.get_item("caught").unwrap().unwrap().extract().unwrap();
        assert_eq!(caught, ("CustomError".to_string(), "raised in Python".to_string()));

        // Raised from Rust, caught by Python.
        locals.set_item("err", CustomError::new_err("from Rust").into_value(py)).unwrap();
        py.run(
            c_str!("try:\n    raise err\nexcept CustomError as e:\n    msg = str(e)\n"),
            None,
            Some(&locals),
        )
        .unwrap();
        assert_eq!(locals.get_item("msg").unwrap().unwrap().to_string(), "from Rust");

        // Raised by Python, matched in Rust.
        let err = py.run(c_str!("raise CustomError('x')"), None, Some(&locals)).unwrap_err();
        assert!(err.is_instance_of::<CustomError>(py));
        assert!(!err.is_instance_of::<SubCustomError>(py));
    });
}

/// `py.import(name)`, tried twice: CPython 3.13.0 can fail `from collections.abc import X` when
/// another thread imports `collections.abc` for the first time at the same moment (the module
/// replaces itself in `sys.modules`; reproduced with pure Python threads). The failed import
/// leaves nothing behind, so the second attempt succeeds.
fn import_retrying<'py>(py: Python<'py>, name: &str) -> Bound<'py, pyo3::types::PyModule> {
    py.import(name).or_else(|_| py.import(name)).unwrap()
}

#[test]
fn import_exception_uses_the_python_class() {
    Python::attach(|py| {
        let gai = import_retrying(py, "socket").getattr("gaierror").unwrap();
        assert!(py.get_type::<gaierror>().is(&gai));
        assert_eq!(<gaierror as PyTypeInfo>::MODULE, Some("socket"));
        let err = gaierror::new_err((1, "lookup failed"));
        assert!(err.is_instance_of::<pyo3::exceptions::PyOSError>(py));
        assert_eq!(message(py, &err), "[Errno 1] lookup failed");

        let dotted = import_retrying(py, "email.errors").getattr("MessageError").unwrap();
        assert!(py.get_type::<MessageError>().is(&dotted));
        assert_eq!(<MessageError as PyTypeInfo>::MODULE, Some("email.errors"));

        // Raised by Python code, recognised in Rust.
        let err = py
            .run(c_str!("import email.errors\nraise email.errors.MessageError('m')"), None, None)
            .unwrap_err();
        assert!(err.is_instance_of::<MessageError>(py));

        // A missing module is a panic on first use, and the interpreter stays usable.
        let payload = catch_unwind(AssertUnwindSafe(|| py.get_type::<Missing>())).unwrap_err();
        let text = payload.downcast_ref::<String>().unwrap();
        assert!(text.contains("Missing") && text.contains("ModuleNotFoundError"), "{text}");
        assert!(!PyErr::occurred(py));
    });
}
