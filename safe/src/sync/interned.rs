//! [`Interned`] and the [`intern!`](crate::intern) macro: a Python `str` created once per call
//! site and then reused.

use crate::instance::{Bound, Py};
use crate::marker::Python;
use crate::sync::PyOnceLock;
use crate::types::PyString;

/// An interned `str`, created on first use (what [`intern!`](crate::intern) expands to).
pub struct Interned(&'static str, PyOnceLock<Py<PyString>>);

impl Interned {
    /// A cell for `value`, not yet created in Python.
    pub const fn new(value: &'static str) -> Interned {
        Interned(value, PyOnceLock::new())
    }

    /// The interned `str` object.
    #[inline]
    pub fn get<'py>(&self, py: Python<'py>) -> &Bound<'py, PyString> {
        self.1.get_or_init(py, || PyString::intern(py, self.0).unbind()).bind(py)
    }
}

/// A `&Bound<PyString>` for a string literal, created and interned once per call site: cheap
/// attribute names and dict keys.
///
/// ```
/// use pyroxide::intern;
/// use pyroxide::prelude::*;
///
/// # Python::initialize(); // embedding without `auto-initialize`
/// Python::attach(|py| {
///     let sys = py.import("sys").unwrap();
///     let version = sys.getattr(intern!(py, "version")).unwrap();
///     assert!(version.is_instance_of::<pyroxide::types::PyString>());
///     // The same call site gives the same object.
///     let name = || intern!(py, "name").clone();
///     assert!(name().is(&name()));
/// });
/// ```
#[macro_export]
macro_rules! intern {
    ($py:expr, $text:expr) => {{
        static INTERNED: $crate::sync::Interned = $crate::sync::Interned::new($text);
        INTERNED.get($py)
    }};
}
