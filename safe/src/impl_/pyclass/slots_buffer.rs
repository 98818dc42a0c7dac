//! The buffer protocol of a class: `__getbuffer__`/`__releasebuffer__`, which PyO3 declares as
//! `unsafe fn`s taking the raw `*mut ffi::Py_buffer`. The macro output stays free of `unsafe`:
//! it passes the user's method as an `unsafe fn` pointer to [`get_buffer_with`] /
//! [`release_buffer_with`], and only this module calls it, with the view the interpreter gave.
//! (Not available under the limited API before 3.11, where `Py_buffer` is not public.)

use super::outputs::PlainOutput;
use super::PyClassSlot;
use crate::err::PyResult;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::impl_::trampoline::{trampoline, trampoline_unraisable};
use crate::instance::Borrowed;
use crate::marker::Python;
use crate::types::PyAny;
use std::ffi::c_void;
use std::marker::PhantomData;
use std::os::raw::c_int;

/// The `Py_buffer` a buffer request fills or releases; made only by this module's entry points,
/// so it always points to the interpreter's live struct.
pub struct BufferView<'a>(*mut ffi::Py_buffer, PhantomData<&'a mut ffi::Py_buffer>);

/// `__getbuffer__`.
pub trait PyGetBufferImpl {
    /// Runs the method.
    fn get_buffer<'py>(
        py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
        view: BufferView<'_>,
        flags: c_int,
    ) -> PyResult<()>;
}

/// `__releasebuffer__`.
pub trait PyReleaseBufferImpl {
    /// Runs the method.
    fn release_buffer<'py>(
        py: Python<'py>,
        slf: Borrowed<'_, 'py, PyAny>,
        view: BufferView<'_>,
    ) -> PyResult<()>;
}

/// Calls the user's `unsafe fn __getbuffer__(slf, view: *mut ffi::Py_buffer, flags)`.
#[inline]
pub fn get_buffer_with<R, O: PlainOutput<()>>(
    method: unsafe fn(R, *mut ffi::Py_buffer, c_int) -> O,
    slf: R,
    view: BufferView<'_>,
    flags: c_int,
) -> PyResult<()> {
    // SAFETY: `view` is the interpreter's `Py_buffer` for this request (only `getbuffer` makes
    // one), which is what the method's contract asks for.
    unsafe { method(slf, view.0, flags) }.into_plain()
}

/// Calls the user's `unsafe fn __releasebuffer__(slf, view: *mut ffi::Py_buffer)`.
#[inline]
pub fn release_buffer_with<R, O: PlainOutput<()>>(
    method: unsafe fn(R, *mut ffi::Py_buffer) -> O,
    slf: R,
    view: BufferView<'_>,
) -> PyResult<()> {
    // SAFETY: `view` is the `Py_buffer` the interpreter is releasing, filled by `__getbuffer__`.
    unsafe { method(slf, view.0) }.into_plain()
}

impl PyClassSlot {
    /// `__getbuffer__` (`bf_getbuffer`).
    pub const fn bf_getbuffer<F: PyGetBufferImpl>() -> Self {
        Self::of(ffi::Py_bf_getbuffer, getbuffer::<F> as *mut c_void)
    }
    /// `__releasebuffer__` (`bf_releasebuffer`).
    pub const fn bf_releasebuffer<F: PyReleaseBufferImpl>() -> Self {
        Self::of(ffi::Py_bf_releasebuffer, releasebuffer::<F> as *mut c_void)
    }
}

/// `getbufferproc` entry point. On error, a reference the method already stored in
/// `view.obj` is released and the field cleared, as the protocol requires.
unsafe extern "C" fn getbuffer<F: PyGetBufferImpl>(
    slf: *mut ffi::PyObject,
    view: *mut ffi::Py_buffer,
    flags: c_int,
) -> c_int {
    // SAFETY: called by the interpreter (attached) with a live `slf` and its `Py_buffer`.
    unsafe {
        trampoline(|py| {
            if view.is_null() {
                return Err(crate::exceptions::PyBufferError::new_err("View is null"));
            }
            let result =
                F::get_buffer(py, slf.assume_borrowed(py), BufferView(view, PhantomData), flags);
            if result.is_err() {
                let obj = std::mem::replace(&mut (*view).obj, std::ptr::null_mut());
                drop(obj.assume_owned_or_opt(py));
            }
            result.map(|()| 0)
        })
    }
}

/// `releasebufferproc` entry point: errors and panics are reported as unraisable.
unsafe extern "C" fn releasebuffer<F: PyReleaseBufferImpl>(
    slf: *mut ffi::PyObject,
    view: *mut ffi::Py_buffer,
) {
    // SAFETY: called by the interpreter (attached) with a live `slf` and the view it filled.
    unsafe {
        trampoline_unraisable(
            |py| F::release_buffer(py, slf.assume_borrowed(py), BufferView(view, PhantomData)),
            slf,
        )
    }
}
