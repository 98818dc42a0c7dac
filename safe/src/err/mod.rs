//! [`PyErr`], a Python exception carried through Rust as a value, and [`PyResult`].
//!
//! A `PyErr` starts *lazy* (a type and arguments, turned into an exception instance only when
//! something looks at it or it is raised) or *normalized* (an exception instance fetched from the
//! interpreter). It is `Send + Sync`, so errors can cross threads without attaching.

mod cast_error;
mod notes;
mod reporting;
mod std_errors;

pub use cast_error::{CastError, CastIntoError};

use crate::conversion::IntoPyObject;
use crate::exceptions::{PyBaseException, PySystemError, PyTypeError};
use crate::ffi::api;
use crate::instance::{Bound, BoundObject, Py};
use crate::marker::Python;
use crate::type_object::PyTypeInfo;
use crate::types::{
    PyAny, PyAnyMethods, PyString, PyStringMethods, PyTraceback, PyTuple, PyType, PyTypeMethods,
};
use std::sync::{Mutex, OnceLock};

/// `Result<T, PyErr>`.
pub type PyResult<T> = Result<T, PyErr>;

/// Arguments of a lazily created exception.
pub trait PyErrArguments: Send + Sync {
    /// The exception's arguments as a Python object (a tuple is used as the argument tuple).
    fn arguments(self, py: Python<'_>) -> Py<PyAny>;
}

impl<T> PyErrArguments for T
where
    T: for<'py> IntoPyObject<'py> + Send + Sync,
{
    fn arguments(self, py: Python<'_>) -> Py<PyAny> {
        match self.into_pyobject(py) {
            Ok(obj) => obj.into_any().unbind(),
            Err(e) => panic!("converting exception arguments failed: {}", Into::<PyErr>::into(e)),
        }
    }
}

type LazyFn = Box<dyn for<'py> FnOnce(Python<'py>) -> (Py<PyAny>, Py<PyAny>) + Send + Sync>;

/// How a lazy error makes its type and arguments.
enum Lazy {
    /// An exception type with a `&'static str` message (`PyValueError::new_err("…")`, the
    /// common case): nothing boxed besides the state.
    Message(for<'py> fn(Python<'py>) -> Bound<'py, PyType>, &'static str),
    /// Anything else.
    Boxed(LazyFn),
}

impl Lazy {
    fn make(self, py: Python<'_>) -> (Py<PyAny>, Py<PyAny>) {
        match self {
            Lazy::Message(ty, msg) => {
                (ty(py).into_any().unbind(), PyString::new(py, msg).into_any().unbind())
            }
            Lazy::Boxed(f) => f(py),
        }
    }
}

/// A Python exception. One pointer wide (the state is boxed), so `PyResult<T>` of a pointer-sized
/// `T` is returned in registers.
pub struct PyErr {
    state: Box<ErrState>,
}

/// What a [`PyErr`] holds: the lazy constructor until the error is normalized, then the instance.
struct ErrState {
    lazy: Mutex<Option<Lazy>>,
    normalized: OnceLock<Py<PyBaseException>>,
}

impl PyErr {
    /// A lazily created exception of type `T` with `args` (a single value, or a tuple of
    /// arguments); nothing is allocated in Python until the error is raised or inspected.
    #[inline]
    pub fn new<T, A>(args: A) -> PyErr
    where
        T: PyTypeInfo,
        A: PyErrArguments + Send + Sync + 'static,
    {
        // A `&'static str` message needs no closure (the check is on the type, so it folds
        // away per instantiation); it converts exactly as `args.arguments(py)` would.
        if let Some(msg) = (&args as &dyn std::any::Any).downcast_ref::<&'static str>() {
            return PyErr::with_lazy(Lazy::Message(T::type_object, msg));
        }
        PyErr::lazy(Box::new(move |py| {
            (T::type_object(py).into_any().unbind(), args.arguments(py))
        }))
    }

    fn lazy(f: LazyFn) -> PyErr {
        PyErr::with_lazy(Lazy::Boxed(f))
    }

    fn with_lazy(lazy: Lazy) -> PyErr {
        PyErr {
            state: Box::new(ErrState { lazy: Mutex::new(Some(lazy)), normalized: OnceLock::new() }),
        }
    }

    fn from_instance(exc: Bound<'_, PyAny>) -> PyErr {
        let normalized = OnceLock::new();
        // Every caller has checked that `exc` is an exception instance.
        let _ = normalized.set(
            exc.cast_into::<PyBaseException>()
                .map_or_else(|e| panic!("not an exception instance: {e}"), |b| b.unbind()),
        );
        PyErr { state: Box::new(ErrState { lazy: Mutex::new(None), normalized }) }
    }

    /// The error for `obj`: itself if it is an exception instance, `obj()` if it is an
    /// exception class, otherwise a `TypeError`.
    pub fn from_value(obj: Bound<'_, PyAny>) -> PyErr {
        if api::is_exception_instance(&obj) {
            PyErr::from_instance(obj)
        } else if api::is_exception_class(&obj) {
            let ty = obj.unbind();
            PyErr::lazy(Box::new(move |py| (ty, PyTuple::empty(py).into_any().unbind())))
        } else {
            PyTypeError::new_err("exceptions must derive from BaseException")
        }
    }

    /// Takes the pending exception; a `SystemError` if there is none. Resumes the panic of a
    /// `PanicException`, as [`PyErr::take`] does.
    pub fn fetch(py: Python<'_>) -> PyErr {
        PyErr::take(py).unwrap_or_else(|| {
            PySystemError::new_err("attempted to fetch exception but none was set")
        })
    }

    /// Takes the pending exception, if any.
    ///
    /// A [`PanicException`](crate::panic::PanicException) is not returned: the panic it
    /// carries is resumed (after the exception is printed), so a Rust panic that went through
    /// Python keeps unwinding in Rust.
    pub fn take(py: Python<'_>) -> Option<PyErr> {
        let exc = api::take_raised(py)?;
        crate::panic::resume_if_panic(py, &exc);
        Some(PyErr::from_instance(exc))
    }

    /// Whether an exception is pending.
    pub fn occurred(py: Python<'_>) -> bool {
        api::occurred(py)
    }

    /// Raises this error in the interpreter (sets it as the pending exception).
    pub fn restore(self, py: Python<'_>) {
        let ErrState { lazy, normalized } = *self.state;
        if let Some(value) = normalized.into_inner() {
            return api::restore_raised(value.into_bound(py).into_any());
        }
        let lazy = lazy.into_inner().unwrap_or_else(|e| e.into_inner());
        let (ty, args) = lazy.expect("a PyErr is either lazy or normalized").make(py);
        let (ty, args) = (ty.into_bound(py), args.into_bound(py));
        // A message or an argument tuple for an exception class: the interpreter makes the
        // instance when it needs it, exactly as `instantiate` would (`ty(*args)`, `ty(msg)`).
        // Anything else (None, an instance, not an exception class) goes the general way.
        if (api::is_exact_instance_of_type::<PyString>(&args)
            || api::is_exact_instance_of_type::<PyTuple>(&args))
            && api::is_exception_class(&ty)
        {
            return api::set_error_object(&ty, &args);
        }
        let value = instantiate(&ty, args);
        api::restore_raised(value.into_bound(py).into_any());
    }

    fn normalized(&self, py: Python<'_>) -> &Py<PyBaseException> {
        self.state.normalized.get_or_init(|| {
            let lazy = self.state.lazy.lock().unwrap_or_else(|e| e.into_inner()).take();
            let lazy = lazy.expect("a PyErr is either lazy or normalized");
            let (ty, args) = lazy.make(py);
            instantiate(ty.bind(py), args.into_bound(py))
        })
    }

    /// The exception instance.
    pub fn value<'py>(&self, py: Python<'py>) -> &Bound<'py, PyBaseException> {
        self.normalized(py).bind(py)
    }

    /// The exception instance, owned.
    pub fn into_value(self, py: Python<'_>) -> Py<PyBaseException> {
        self.normalized(py).clone_ref(py)
    }

    /// The exception's type.
    pub fn get_type<'py>(&self, py: Python<'py>) -> Bound<'py, PyType> {
        self.value(py).get_type()
    }

    /// The exception's traceback, if any.
    pub fn traceback<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyTraceback>> {
        api::exception_traceback(self.value(py).as_any()).and_then(|t| t.cast_into().ok())
    }

    /// Whether the exception matches `exc` (a type or tuple of types), like `except exc:`.
    pub fn matches<'py, T>(&self, py: Python<'py>, exc: T) -> PyResult<bool>
    where
        T: IntoPyObject<'py>,
    {
        let exc = exc.into_pyobject(py).map_err(Into::into)?.into_any().into_bound();
        Ok(api::given_matches(self.value(py).as_any(), &exc))
    }

    /// Whether the exception is an instance of `T`.
    pub fn is_instance_of<T: PyTypeInfo>(&self, py: Python<'_>) -> bool {
        T::is_type_of(self.value(py).as_any())
    }

    /// Another handle to the same exception.
    pub fn clone_ref(&self, py: Python<'_>) -> PyErr {
        PyErr::from_instance(self.value(py).clone().into_any())
    }

    /// Prints the exception and its traceback to `sys.stderr`.
    pub fn print(&self, py: Python<'_>) {
        self.clone_ref(py).restore(py);
        api::print_pending(py);
    }

    /// Prints the exception (like [`PyErr::print`]); PyO3's name.
    pub fn display(&self, py: Python<'_>) {
        self.print(py);
    }

    /// Reports the exception through `sys.unraisablehook`, naming `obj` as the context.
    pub fn write_unraisable(self, py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) {
        self.restore(py);
        api::write_unraisable_pending(py, obj);
    }

    /// Issues a warning of `category` (e.g. `PyUserWarning`); an error if the warning filter
    /// turns it into an exception.
    pub fn warn<'py>(
        py: Python<'py>,
        category: &Bound<'py, PyAny>,
        message: &std::ffi::CStr,
        stacklevel: i32,
    ) -> PyResult<()> {
        if api::warn(category, message, stacklevel as isize) {
            Ok(())
        } else {
            Err(PyErr::fetch(py))
        }
    }

    /// The exception's `__cause__`.
    pub fn cause(&self, py: Python<'_>) -> Option<PyErr> {
        api::exception_cause(self.value(py).as_any()).map(PyErr::from_value)
    }

    /// Sets (or clears) the exception's `__cause__`.
    pub fn set_cause(&self, py: Python<'_>, cause: Option<PyErr>) {
        let cause = cause.map(|c| c.into_value(py).into_bound(py).into_any());
        api::set_exception_cause(self.value(py).as_any(), cause);
    }

    /// The exception's `__context__`.
    pub fn context(&self, py: Python<'_>) -> Option<PyErr> {
        api::exception_context(self.value(py).as_any()).map(PyErr::from_value)
    }

    /// Sets (or clears) the exception's `__context__`.
    pub fn set_context(&self, py: Python<'_>, context: Option<PyErr>) {
        let context = context.map(|c| c.into_value(py).into_bound(py).into_any());
        api::set_exception_context(self.value(py).as_any(), context);
    }

    /// Adds a note to the exception: equivalent to calling `add_note` on the exception in
    /// Python. Before Python 3.11, which has no `BaseException.add_note`, the note is appended
    /// to the exception's `__notes__` list (created when absent) as `add_note` would do it, so
    /// `__notes__` reads the same on every version (PyO3 offers this method from 3.11 only).
    ///
    /// ```
    /// use pyroxide::exceptions::PyValueError;
    /// use pyroxide::prelude::*;
    ///
    /// # Python::initialize();
    /// Python::attach(|py| -> PyResult<()> {
    ///     let err = PyValueError::new_err("bad input");
    ///     err.add_note(py, "while reading line 3")?;
    ///     let notes: Vec<String> = err.value(py).getattr("__notes__")?.extract()?;
    ///     assert_eq!(notes, ["while reading line 3"]);
    ///     Ok(())
    /// })
    /// .unwrap();
    /// ```
    pub fn add_note<N: for<'py> IntoPyObject<'py, Target = PyString>>(
        &self,
        py: Python<'_>,
        note: N,
    ) -> PyResult<()> {
        let note = note.into_pyobject(py).map_err(Into::into)?.into_bound();
        notes::add_note(self.value(py), note)
    }
}

/// `ty(*args)` if `args` is a tuple, `ty(args)` otherwise (`PyErr_SetObject`'s rule); an
/// exception raised while instantiating becomes the error instead.
fn instantiate(ty: &Bound<'_, PyAny>, args: Bound<'_, PyAny>) -> Py<PyBaseException> {
    let py = ty.py();
    let result = match args.cast_into::<PyTuple>() {
        Ok(tuple) => ty.call1(tuple),
        Err(e) => ty.call1((e.into_inner(),)),
    };
    let obj = match result {
        Ok(obj) if api::is_exception_instance(&obj) => obj,
        Ok(_) => PyTypeError::new_err("exceptions must derive from BaseException")
            .value(py)
            .clone()
            .into_any(),
        Err(e) => e.value(py).clone().into_any(),
    };
    obj.cast_into::<PyBaseException>().map_or_else(|e| panic!("{e}"), Bound::unbind)
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Python::attach(|py| {
            f.debug_struct("PyErr")
                .field("type", &self.get_type(py))
                .field("value", self.value(py))
                .finish()
        })
    }
}

impl std::fmt::Display for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Python::attach(|py| {
            let value = self.value(py);
            let name = value.get_type().qualname().map_err(|_| std::fmt::Error)?;
            match value.str() {
                Ok(s) if !s.to_cow().map_err(|_| std::fmt::Error)?.is_empty() => {
                    write!(f, "{}: {}", name, s.to_cow().map_err(|_| std::fmt::Error)?)
                }
                _ => write!(f, "{name}"),
            }
        })
    }
}

impl std::error::Error for PyErr {}

impl<'py> IntoPyObject<'py> for PyErr {
    type Target = PyBaseException;
    type Output = Bound<'py, PyBaseException>;
    type Error = std::convert::Infallible;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.into_value(py).into_bound(py))
    }
}

impl From<std::convert::Infallible> for PyErr {
    fn from(e: std::convert::Infallible) -> PyErr {
        match e {}
    }
}
