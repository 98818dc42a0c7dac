//! What `#[pyfunction]` expands to: a static [`PyFunctionDef`] (name, docstring with the text
//! signature, flags, entry point) whose entry point is one of the C functions here,
//! monomorphised over the user's [`PyFunctionImpl`]. The calling convention is chosen when the
//! definition is built, from the signature: `METH_NOARGS` without parameters, `METH_O` for one
//! positional-only parameter, `METH_FASTCALL | METH_KEYWORDS` otherwise (`METH_VARARGS |
//! METH_KEYWORDS` under the limited API before 3.10, which lacks fastcall).

use super::extract::{ArgSource, FastcallArgs, NoArgs, OneArg, TupleArgs};
use super::trampoline::trampoline;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyAny, PyCFunction, PyModule};
use std::ffi::CStr;
use std::os::raw::c_int;

/// The body of a function exposed to Python, as the macros generate it: extract the
/// arguments from `args`, call the Rust function, convert its result.
pub trait PyFunctionImpl {
    /// Runs one call. `slf` is the module for module functions (NULL for free functions made
    /// without one), the instance or class for methods.
    fn call<'a, 'py, A: ArgSource<'a, 'py>>(
        py: Python<'py>,
        slf: Option<Borrowed<'a, 'py, PyAny>>,
        args: A,
    ) -> PyResult<Bound<'py, PyAny>>;
}

/// `METH_NOARGS` entry point.
///
/// # Safety
/// Called by the interpreter: attached, `slf` NULL or live.
pub unsafe extern "C" fn noargs<F: PyFunctionImpl>(
    slf: *mut ffi::PyObject,
    _unused: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter, so attached.
    unsafe {
        trampoline(|py| {
            // SAFETY: `slf` is NULL or kept alive by the caller for the call.
            let slf = Borrowed::from_ptr_or_opt(py, slf);
            F::call(py, slf, NoArgs).map(Bound::into_ptr)
        })
    }
}

/// `METH_O` entry point.
///
/// # Safety
/// Called by the interpreter: attached, `slf` NULL or live, `arg` live.
pub unsafe extern "C" fn one_arg<F: PyFunctionImpl>(
    slf: *mut ffi::PyObject,
    arg: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter, so attached.
    unsafe {
        trampoline(|py| {
            // SAFETY: the caller keeps `slf` (or NULL) and `arg` alive for the call.
            let slf = Borrowed::from_ptr_or_opt(py, slf);
            let arg = arg.assume_borrowed(py);
            F::call(py, slf, OneArg(arg)).map(Bound::into_ptr)
        })
    }
}

/// `METH_FASTCALL | METH_KEYWORDS` entry point.
///
/// # Safety
/// Called by the interpreter: attached; `args` holds `nargs` positional arguments followed by
/// one value per name in `kwnames` (a tuple of strings, or NULL).
pub unsafe extern "C" fn fastcall<F: PyFunctionImpl>(
    slf: *mut ffi::PyObject,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter, so attached.
    unsafe {
        trampoline(|py| {
            // SAFETY: the caller keeps `slf`, the arguments and `kwnames` alive for the call.
            let view = fastcall_view(py, args, nargs, kwnames);
            let slf = Borrowed::from_ptr_or_opt(py, slf);
            F::call(py, slf, view).map(Bound::into_ptr)
        })
    }
}

/// The safe view of a fastcall argument vector.
///
/// # Safety
/// `args` points to `nargs + len(kwnames)` live objects (or `nargs` is 0 and there are no
/// keywords), all kept alive for `'a`; `kwnames` is NULL or a live tuple of strings.
#[inline(always)]
pub(crate) unsafe fn fastcall_view<'a, 'py>(
    py: Python<'py>,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
) -> FastcallArgs<'a, 'py> {
    // SAFETY: `kwnames` is NULL or a live tuple kept alive for the call.
    let kwnames = unsafe { Borrowed::from_ptr_or_opt(py, kwnames) }
        // SAFETY: the interpreter passes a tuple.
        .map(|k| unsafe { k.cast_unchecked::<crate::types::PyTuple>() });
    let nkw = kwnames.map_or(0, |k| crate::ffi::api::tuple_len(&k));
    let nargs = nargs as usize;
    let total = nargs + nkw;
    let args: &[Borrowed<'a, 'py, PyAny>] = if total == 0 {
        &[]
    } else {
        // SAFETY: `args` points to `total` non-NULL object pointers, alive for `'a`;
        // `Borrowed` is a `repr(transparent)` non-NULL object pointer.
        unsafe { std::slice::from_raw_parts(args.cast(), total) }
    };
    FastcallArgs { py, args, nargs, kwnames }
}

/// `METH_VARARGS | METH_KEYWORDS` entry point.
///
/// # Safety
/// Called by the interpreter: attached, `args` a live tuple, `kwargs` NULL or a live dict.
pub unsafe extern "C" fn varargs<F: PyFunctionImpl>(
    slf: *mut ffi::PyObject,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter, so attached.
    unsafe {
        trampoline(|py| {
            // SAFETY: the caller keeps `slf`, `args` and `kwargs` alive for the call.
            let slf = Borrowed::from_ptr_or_opt(py, slf);
            let args = args.assume_borrowed(py).cast_unchecked::<crate::types::PyTuple>();
            let kwargs = Borrowed::from_ptr_or_opt(py, kwargs)
                .map(|d| d.cast_unchecked::<crate::types::PyDict>());
            let pairs = kwargs.map(crate::ffi::api::dict_items_owned);
            let view = TupleArgs { args, kwargs: pairs.as_deref() };
            F::call(py, slf, view).map(Bound::into_ptr)
        })
    }
}

/// The type `PyMethodDef::ml_meth` is declared with.
pub(crate) type RawFn =
    unsafe extern "C" fn(*mut ffi::PyObject, *mut ffi::PyObject) -> *mut ffi::PyObject;
/// The fastcall-with-keywords signature.
#[allow(dead_code)]
type FastcallFn = unsafe extern "C" fn(
    *mut ffi::PyObject,
    *const *mut ffi::PyObject,
    ffi::Py_ssize_t,
    *mut ffi::PyObject,
) -> *mut ffi::PyObject;
/// The varargs-and-keywords signature.
pub(crate) type VarargsFn = unsafe extern "C" fn(
    *mut ffi::PyObject,
    *mut ffi::PyObject,
    *mut ffi::PyObject,
) -> *mut ffi::PyObject;

/// The `PyMethodDef` of a function, made at compile time by `#[pyfunction]`.
pub struct PyFunctionDef {
    def: ffi::PyMethodDef,
}

// SAFETY: the definition is immutable; its pointers are to `'static` C strings and functions.
unsafe impl Sync for PyFunctionDef {}

/// The `METH_FASTCALL | METH_KEYWORDS` flags, or `METH_VARARGS | METH_KEYWORDS` where fastcall is
/// not in the limited API.
#[cfg(any(not(Py_LIMITED_API), Py_3_10))]
const KEYWORDS_FLAGS: c_int = (ffi::METH_FASTCALL | ffi::METH_KEYWORDS) as c_int;
#[cfg(not(any(not(Py_LIMITED_API), Py_3_10)))]
const KEYWORDS_FLAGS: c_int = (ffi::METH_VARARGS | ffi::METH_KEYWORDS) as c_int;

impl PyFunctionDef {
    const fn new(
        name: &'static CStr,
        doc: &'static CStr,
        meth: ffi::PyCFunction,
        flags: u32,
    ) -> Self {
        PyFunctionDef {
            def: ffi::PyMethodDef {
                ml_name: name.as_ptr(),
                ml_meth: meth,
                ml_flags: flags as c_int,
                ml_doc: doc.as_ptr(),
            },
        }
    }

    /// A function without parameters (`METH_NOARGS`).
    pub const fn noargs<F: PyFunctionImpl>(name: &'static CStr, doc: &'static CStr) -> Self {
        Self::new(name, doc, Some(noargs::<F>), ffi::METH_NOARGS)
    }

    /// A function of one positional-only parameter (`METH_O`).
    pub const fn one_arg<F: PyFunctionImpl>(name: &'static CStr, doc: &'static CStr) -> Self {
        Self::new(name, doc, Some(one_arg::<F>), ffi::METH_O)
    }

    /// Any other signature (fastcall with keywords where available).
    pub const fn keywords<F: PyFunctionImpl>(name: &'static CStr, doc: &'static CStr) -> Self {
        #[cfg(any(not(Py_LIMITED_API), Py_3_10))]
        // SAFETY: `ml_meth` is a union of function pointer types in C; the flags tell the
        // interpreter which signature to call it with, and they match `fastcall`'s.
        let meth = unsafe { std::mem::transmute::<FastcallFn, RawFn>(fastcall::<F>) };
        #[cfg(not(any(not(Py_LIMITED_API), Py_3_10)))]
        // SAFETY: as above, for the varargs-and-keywords signature.
        let meth = unsafe { std::mem::transmute::<VarargsFn, RawFn>(varargs::<F>) };
        Self::new(name, doc, Some(meth), KEYWORDS_FLAGS as u32)
    }

    /// The raw definition, for class method tables.
    pub(crate) fn raw(&'static self) -> &'static ffi::PyMethodDef {
        &self.def
    }

    /// The function's name.
    pub fn name(&self) -> &'static CStr {
        // SAFETY: `ml_name` was made from a `&'static CStr`.
        unsafe { CStr::from_ptr(self.def.ml_name) }
    }
}

/// Makes the function object for `def`, bound to `module` (which it then receives as `self`, as
/// C module functions do) if given.
pub fn make_function<'py>(
    py: Python<'py>,
    def: &'static PyFunctionDef,
    module: Option<&Bound<'py, PyModule>>,
) -> PyResult<Bound<'py, PyCFunction>> {
    crate::ffi::api::cfunction_new(py, def.raw(), module)
}

/// What `wrap_pyfunction!(f, x)` accepts as `x`: a module (the function is bound to it) or a
/// `Python` token (a free function).
pub trait WrapPyFunctionArg<'py> {
    /// Makes the function object for `def`.
    fn wrap_pyfunction(self, def: &'static PyFunctionDef) -> PyResult<Bound<'py, PyCFunction>>;
}

impl<'py> WrapPyFunctionArg<'py> for Python<'py> {
    fn wrap_pyfunction(self, def: &'static PyFunctionDef) -> PyResult<Bound<'py, PyCFunction>> {
        make_function(self, def, None)
    }
}

impl<'py> WrapPyFunctionArg<'py> for &Bound<'py, PyModule> {
    fn wrap_pyfunction(self, def: &'static PyFunctionDef) -> PyResult<Bound<'py, PyCFunction>> {
        make_function(self.py(), def, Some(self))
    }
}

impl<'py> WrapPyFunctionArg<'py> for Borrowed<'_, 'py, PyModule> {
    fn wrap_pyfunction(self, def: &'static PyFunctionDef) -> PyResult<Bound<'py, PyCFunction>> {
        make_function(self.py(), def, Some(&self))
    }
}

/// `#[pyo3(warn(message = "...", category = C))]`: issues the warning at each call, one level up
/// (in the caller's frame); an error when the warning filters turn it into an exception.
#[inline(never)]
pub fn warn<C: crate::PyTypeInfo>(py: Python<'_>, message: &'static CStr) -> PyResult<()> {
    let category = C::type_object(py);
    crate::PyErr::warn(py, category.as_any(), message, 1)
}
