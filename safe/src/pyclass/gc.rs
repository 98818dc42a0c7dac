//! The garbage collector's view of a class: [`PyVisit`] (what `__traverse__` reports its Python
//! references to) and [`PyTraverseError`].

use crate::ffi;
use crate::instance::Py;
use std::ffi::c_void;
use std::marker::PhantomData;
use std::os::raw::c_int;

/// The visitor `__traverse__` receives: report each Python object the value owns with
/// [`call`](Self::call). It cannot run Python code (there is no `Python` token).
pub struct PyVisit<'a> {
    visit: ffi::visitproc,
    arg: *mut c_void,
    _during_traverse: PhantomData<&'a ()>,
}

/// The error a visit reports; return it from `__traverse__` (with `?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PyTraverseError(pub(crate) c_int);

impl std::fmt::Display for PyTraverseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "garbage collector visit failed with {}", self.0)
    }
}

impl std::error::Error for PyTraverseError {}

impl PyVisit<'_> {
    /// Reports one reference (or none, for `None`).
    pub fn call<'b, T, U: 'b>(&self, obj: T) -> Result<(), PyTraverseError>
    where
        T: Into<Option<&'b Py<U>>>,
    {
        let Some(obj) = obj.into() else { return Ok(()) };
        let Some(visit) = self.visit else { return Ok(()) };
        // SAFETY: `visit` and `arg` come from the collector for this traversal (the `'a` of
        // `self` cannot outlive it); `obj` is a live object the value owns.
        match unsafe { visit(obj.as_ptr(), self.arg) } {
            0 => Ok(()),
            code => Err(PyTraverseError(code)),
        }
    }

    /// The visitor of one traversal.
    ///
    /// # Safety
    /// `visit` and `arg` are what the collector passed to `tp_traverse`, and the visitor does
    /// not outlive that call.
    pub(crate) unsafe fn new(visit: ffi::visitproc, arg: *mut c_void) -> Self {
        PyVisit { visit, arg, _during_traverse: PhantomData }
    }

    /// Reports a raw object pointer.
    ///
    /// # Safety
    /// As for `new`; `obj` NULL or live.
    pub(crate) unsafe fn visit_raw(&self, obj: *mut ffi::PyObject) -> c_int {
        match self.visit {
            // SAFETY: forwarded from the caller.
            Some(visit) if !obj.is_null() => unsafe { visit(obj, self.arg) },
            _ => 0,
        }
    }
}
