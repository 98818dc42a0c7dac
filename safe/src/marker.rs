//! The [`Python`] token, proof that the current thread is attached to the interpreter, and
//! [`Ungil`], the bound that keeps tokens and attached references out of [`Python::detach`].
//!
//! `'py` is the lifetime of an attachment: everything that needs the interpreter
//! (`Bound<'py, T>`, `Borrowed<'a, 'py, T>`) carries it, so none of it can outlive the scope in
//! which the thread is attached, or cross into another thread (`Python` is neither `Send` nor
//! `Sync`).

use crate::err::{PyErr, PyResult};
use crate::ffi::api;
use crate::ffi::attach::{self, AttachError, AttachGuard};
use crate::instance::Bound;
use crate::type_object::PyTypeInfo;
use crate::types::{
    PyAny, PyDict, PyEllipsis, PyModule, PyNone, PyNotImplemented, PyString, PyType,
};
use std::ffi::CStr;
use std::marker::PhantomData;

/// A marker token proving the current thread is attached to the Python interpreter.
///
/// Obtained from [`Python::attach`] (or, in macro-generated code, from the call itself). It is
/// `Copy`, zero-sized, and neither `Send` nor `Sync`.
#[derive(Copy, Clone)]
pub struct Python<'py>(PhantomData<(&'py (), *mut ())>);

pub use crate::ffi::attach::Ungil;

impl<'py> Python<'py> {
    /// Only for code that knows the thread is attached (see `ffi::attach`).
    #[inline]
    pub(crate) const fn new_unchecked() -> Python<'py> {
        Python(PhantomData)
    }

    /// Runs `f` with the thread attached to the interpreter, attaching it first if needed.
    ///
    /// Nested calls cost one thread-local read and write. Panics if the interpreter is not
    /// initialized and the `auto-initialize` feature is off; call [`Python::initialize`] first
    /// (an extension module never needs to).
    #[inline]
    pub fn attach<F, R>(f: F) -> R
    where
        F: for<'p> FnOnce(Python<'p>) -> R,
    {
        let _guard = match AttachGuard::acquire() {
            Ok(guard) => guard,
            Err(e) => not_attachable(e),
        };
        f(Python::new_unchecked())
    }

    /// Like [`Python::attach`], but `None` instead of a panic when the interpreter is not
    /// initialized.
    #[inline]
    pub fn try_attach<F, R>(f: F) -> Option<R>
    where
        F: for<'p> FnOnce(Python<'p>) -> R,
    {
        let _guard = AttachGuard::acquire().ok()?;
        Some(f(Python::new_unchecked()))
    }

    /// Initializes the interpreter if it is not yet, leaving the current thread detached, so
    /// that any thread may then [`attach`](Python::attach). Needed only when embedding without
    /// the `auto-initialize` feature.
    pub fn initialize() {
        attach::initialize();
    }

    /// Deprecated name of [`Python::attach`] (PyO3 before 0.26).
    #[deprecated(since = "0.1.0", note = "use `Python::attach`")]
    #[inline]
    pub fn with_gil<F, R>(f: F) -> R
    where
        F: for<'p> FnOnce(Python<'p>) -> R,
    {
        Python::attach(f)
    }

    /// Runs `f` with the thread detached, so that other threads can use the interpreter while
    /// `f` blocks or computes. `f` may not capture the token or attached references ([`Ungil`]).
    /// A panic in `f` re-attaches the thread before it continues to unwind.
    pub fn detach<T, F>(self, f: F) -> T
    where
        F: Ungil + FnOnce() -> T,
        T: Ungil,
    {
        let suspended = attach::suspend(self);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
        attach::resume(suspended);
        match result {
            Ok(value) => value,
            Err(payload) => std::panic::resume_unwind(payload),
        }
    }

    /// Deprecated name of [`Python::detach`] (PyO3 before 0.26).
    #[deprecated(since = "0.1.0", note = "use `Python::detach`")]
    pub fn allow_threads<T, F>(self, f: F) -> T
    where
        F: Ungil + FnOnce() -> T,
        T: Ungil,
    {
        self.detach(f)
    }

    /// Evaluates a Python expression with the given globals and locals (default: `__main__`'s
    /// namespace) and returns its value.
    pub fn eval(
        self,
        code: &CStr,
        globals: Option<&Bound<'py, PyDict>>,
        locals: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        api::run_code(self, code, api::StartSymbol::Eval, globals, locals)
    }

    /// Executes Python statements with the given globals and locals (default: `__main__`'s
    /// namespace).
    pub fn run(
        self,
        code: &CStr,
        globals: Option<&Bound<'py, PyDict>>,
        locals: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<()> {
        api::run_code(self, code, api::StartSymbol::File, globals, locals).map(drop)
    }

    /// Imports the module `name` (`import name`).
    pub fn import<N>(self, name: N) -> PyResult<Bound<'py, PyModule>>
    where
        N: crate::conversion::IntoPyObject<'py, Target = PyString>,
    {
        PyModule::import(self, name)
    }

    /// The type object of `T`.
    #[inline]
    pub fn get_type<T: PyTypeInfo>(self) -> Bound<'py, PyType> {
        T::type_object(self)
    }

    /// `None`.
    #[allow(non_snake_case)]
    #[inline]
    pub fn None(self) -> crate::instance::Py<PyAny> {
        PyNone::get(self).to_owned().into_any().unbind()
    }

    /// `Ellipsis`.
    #[allow(non_snake_case)]
    #[inline]
    pub fn Ellipsis(self) -> crate::instance::Py<PyAny> {
        PyEllipsis::get(self).to_owned().into_any().unbind()
    }

    /// `NotImplemented`.
    #[allow(non_snake_case)]
    #[inline]
    pub fn NotImplemented(self) -> crate::instance::Py<PyAny> {
        PyNotImplemented::get(self).to_owned().into_any().unbind()
    }

    /// The interpreter's version string (`sys.version`).
    pub fn version(self) -> &'py str {
        api::version_str()
    }

    /// The interpreter's version as numbers (`sys.version_info`).
    pub fn version_info(self) -> PythonVersionInfo<'py> {
        PythonVersionInfo::from_str(self.version())
            .unwrap_or_else(|| panic!("cannot parse Python version {:?}", self.version()))
    }

    /// Runs pending signal handlers; returns their exception (e.g. `KeyboardInterrupt`).
    pub fn check_signals(self) -> PyResult<()> {
        if api::check_signals(self) {
            Ok(())
        } else {
            Err(PyErr::fetch(self))
        }
    }
}

#[cold]
#[track_caller]
fn not_attachable(e: AttachError) -> ! {
    match e {
        AttachError::NotInitialized => panic!(
            "the Python interpreter is not initialized and the `auto-initialize` feature is not \
             enabled; call `Python::initialize()` before attaching"
        ),
    }
}

/// Deprecated: [`Python::initialize`] under PyO3's old name.
#[deprecated(since = "0.1.0", note = "use `Python::initialize`")]
pub fn prepare_freethreaded_python() {
    Python::initialize();
}

/// The interpreter's version, as [`Python::version_info`] returns it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PythonVersionInfo<'a> {
    /// Major version (3).
    pub major: u8,
    /// Minor version.
    pub minor: u8,
    /// Patch version.
    pub patch: u8,
    /// Pre-release suffix such as `"a1"` or `"rc2"`, if any.
    pub suffix: Option<&'a str>,
}

impl<'a> PythonVersionInfo<'a> {
    fn from_str(version: &'a str) -> Option<PythonVersionInfo<'a>> {
        let number = version.split_whitespace().next()?;
        let mut parts = number.splitn(3, '.');
        let major = parts.next()?.parse().ok()?;
        let minor = parts.next()?.parse().ok()?;
        let rest = parts.next().unwrap_or("0");
        let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        let patch = rest[..digits].parse().ok()?;
        let suffix = (digits < rest.len()).then(|| &rest[digits..]);
        Some(PythonVersionInfo { major, minor, patch, suffix })
    }
}

impl PartialEq<(u8, u8)> for PythonVersionInfo<'_> {
    fn eq(&self, other: &(u8, u8)) -> bool {
        (self.major, self.minor) == *other
    }
}

impl PartialOrd<(u8, u8)> for PythonVersionInfo<'_> {
    fn partial_cmp(&self, other: &(u8, u8)) -> Option<std::cmp::Ordering> {
        (self.major, self.minor).partial_cmp(other)
    }
}
