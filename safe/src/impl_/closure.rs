//! [`PyCFunction::new_closure`](crate::types::PyCFunction::new_closure): a function object whose
//! `self` is a capsule owning the closure and its `PyMethodDef`, with one entry point per
//! closure type.

use super::argument::IntoPyReturn;
use super::pyfunction::{RawFn, VarargsFn};
use super::trampoline::trampoline;
use crate::err::PyResult;
use crate::ffi;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyCFunction, PyCapsule, PyCapsuleMethods, PyDict, PyTuple};
use std::ffi::CStr;

/// What the capsule owns: the definition the function points to, and the closure.
struct ClosureData<F> {
    def: ffi::PyMethodDef,
    closure: F,
}

// SAFETY: the definition's pointers are to `'static` strings and a function; the closure is
// `Send` (required by `new_closure`).
unsafe impl<F: Send> Send for ClosureData<F> {}

/// The capsule's name, which the entry point checks before reading it.
const CAPSULE_NAME: &CStr = c"pyroxide.closure";

/// Makes the function object (see `PyCFunction::new_closure`).
pub(crate) fn new_closure<'py, F, R>(
    py: Python<'py>,
    name: Option<&'static CStr>,
    doc: Option<&'static CStr>,
    closure: F,
) -> PyResult<Bound<'py, PyCFunction>>
where
    F: Fn(&Bound<'_, PyTuple>, Option<&Bound<'_, PyDict>>) -> R + Send + 'static,
    R: for<'p> IntoPyReturn<'p>,
{
    let entry: VarargsFn = closure_entry::<F, R>;
    let def = ffi::PyMethodDef {
        ml_name: name.unwrap_or(c"pyo3-closure").as_ptr(),
        // SAFETY: `ml_meth` is a union of function pointer types in C; the flags below tell
        // the interpreter to call it with the varargs-and-keywords signature, which is `entry`'s.
        ml_meth: Some(unsafe { std::mem::transmute::<VarargsFn, RawFn>(entry) }),
        ml_flags: (ffi::METH_VARARGS | ffi::METH_KEYWORDS) as std::os::raw::c_int,
        ml_doc: doc.map_or(std::ptr::null(), CStr::as_ptr),
    };
    let capsule = PyCapsule::new(py, ClosureData { def, closure }, Some(CAPSULE_NAME.into()))?;
    // SAFETY: the capsule was just made with a `ClosureData<F>` under this name.
    let data = unsafe { capsule.reference::<ClosureData<F>>() };
    // SAFETY: `data.def` lives in the capsule's box, which does not move and lives as long as
    // the function, which holds a reference to the capsule (its `self`).
    unsafe { crate::ffi::api::cfunction_new_with_self(py, &data.def, capsule.as_any()) }
}

/// The entry point of closures of type `F`.
///
/// # Safety
/// Called by the interpreter: attached; `capsule` is the function's `self`, a capsule made by
/// `new_closure::<F, R>`; `args` a tuple and `kwargs` NULL or a dict.
unsafe extern "C" fn closure_entry<F, R>(
    capsule: *mut ffi::PyObject,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> *mut ffi::PyObject
where
    F: Fn(&Bound<'_, PyTuple>, Option<&Bound<'_, PyDict>>) -> R + Send + 'static,
    R: for<'p> IntoPyReturn<'p>,
{
    // SAFETY: called by the interpreter, so attached.
    unsafe {
        trampoline(|py| {
            // SAFETY: the interpreter passes live `self` (the capsule), args and kwargs, all
            // kept alive for the call; the capsule holds a `ClosureData<F>`.
            let capsule = Borrowed::from_ptr_or_opt(py, capsule)
                .expect("closure called without its capsule")
                .cast_unchecked::<PyCapsule>();
            let data = capsule.reference::<ClosureData<F>>();
            let args = Borrowed::from_ptr_or_opt(py, args)
                .expect("closure called without arguments")
                .cast_unchecked::<PyTuple>();
            let kwargs =
                Borrowed::from_ptr_or_opt(py, kwargs).map(|k| k.cast_unchecked::<PyDict>());
            (data.closure)(&args, kwargs.as_deref()).into_py_return(py).map(Bound::into_ptr)
        })
    }
}
