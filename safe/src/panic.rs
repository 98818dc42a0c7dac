//! [`PanicException`]: the Python exception a Rust panic becomes when it reaches Python, and
//! back: taking a `PanicException` out of the interpreter ([`PyErr::take`]/[`PyErr::fetch`])
//! resumes the panic.
//!
//! The class is `pyroxide_runtime.PanicException`, made on first use; a module
//! `pyroxide_runtime` holding it is registered in `sys.modules` at the same time, so Python code
//! can `from pyroxide_runtime import PanicException`. It derives from `BaseException`, not
//! `Exception`, so that `except Exception:` does not swallow panics. Each copy of Pyroxide linked
//! into a process (e.g. one per extension module) makes its own class; the first registers the
//! module.

use crate::err::{PyErr, PyResult};
use crate::exceptions::PyBaseException;
use crate::impl_::exceptions::{create_type, ExceptionType};
use crate::instance::Py;
use crate::marker::Python;
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods, PyModule, PyType};
use std::any::Any;

/// The exception raised in Python for a Rust panic (`pyroxide_runtime.PanicException`, a
/// subclass of `BaseException`). Its argument is the panic message.
#[repr(transparent)]
pub struct PanicException(PyAny);

impl crate::instance::DerefToPyAny for PanicException {}

static TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The class's docstring.
const PANIC_DOC: &std::ffi::CStr = c"Raised when Rust code called from Python panics; the \
    argument is the panic message.\n\nDerives from BaseException, so `except Exception` does \
    not catch it.";

/// The module `PanicException` lives in, registered in `sys.modules`.
const MODULE_NAME: &str = "pyroxide_runtime";

impl ExceptionType for PanicException {
    const NAME: &'static str = "PanicException";
    const MODULE: Option<&'static str> = Some(MODULE_NAME);

    fn type_cell() -> &'static PyOnceLock<Py<PyType>> {
        &TYPE
    }

    fn make_type(py: Python<'_>) -> PyResult<Py<PyType>> {
        let ty = create_type::<PyBaseException>(
            py,
            c"pyroxide_runtime.PanicException",
            Some(PANIC_DOC),
        )?;
        register(py, ty.bind(py).as_any())?;
        Ok(ty)
    }
}

/// Puts `ty` in `sys.modules["pyroxide_runtime"]`, making the module if it does not exist
/// (another copy of Pyroxide may have made it already: its own class is then left in place).
fn register(py: Python<'_>, ty: &crate::Bound<'_, PyAny>) -> PyResult<()> {
    let modules = PyModule::import(py, "sys")?.getattr("modules")?;
    let module = match modules.get_item(MODULE_NAME) {
        Ok(module) => module,
        Err(_) => {
            let module_type = PyModule::import(py, "types")?.getattr("ModuleType")?;
            let module = module_type.call1((MODULE_NAME,))?;
            modules.set_item(MODULE_NAME, &module)?;
            module
        }
    };
    if !module.hasattr("PanicException")? {
        module.setattr("PanicException", ty)?;
    }
    Ok(())
}

impl PanicException {
    /// A lazily created `PanicException` with `args` (usually the message).
    #[inline]
    pub fn new_err<A>(args: A) -> PyErr
    where
        A: crate::PyErrArguments + Send + Sync + 'static,
    {
        PyErr::new::<PanicException, A>(args)
    }

    /// The `PanicException` for a panic payload caught by `std::panic::catch_unwind`: its
    /// message if the payload is a `String` or `&str` (what `panic!` produces), otherwise
    /// "panic from Rust code".
    pub fn from_panic_payload(payload: Box<dyn Any + Send + 'static>) -> PyErr {
        if let Some(s) = payload.downcast_ref::<String>() {
            PanicException::new_err((s.clone(),))
        } else if let Some(s) = payload.downcast_ref::<&str>() {
            PanicException::new_err((s.to_string(),))
        } else {
            PanicException::new_err(("panic from Rust code",))
        }
    }
}

/// If `exc` is a `PanicException` of this crate, prints it and resumes the panic it stands for,
/// with its message as the payload. Cheap when no `PanicException` was ever made.
pub(crate) fn resume_if_panic(py: Python<'_>, exc: &crate::Bound<'_, PyAny>) {
    let Some(ty) = TYPE.get(py) else { return };
    if !exc.get_type().is(ty.bind(py)) {
        return;
    }
    let message = exc.str().map_or_else(
        |_| String::from("Unwrapped PanicException"),
        |s| crate::types::PyStringMethods::to_string_lossy(&s).into_owned(),
    );
    eprintln!("--- Pyroxide is resuming a panic after fetching a PanicException from Python. ---");
    eprintln!("Python stack trace below:");
    PyErr::from_value(exc.clone()).print(py);
    std::panic::resume_unwind(Box::new(message))
}
