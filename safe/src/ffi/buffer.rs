//! The unsafe side of [`crate::buffer`]: the owner of one exported `Py_buffer` view (boxed so
//! that exporters may point its `shape`/`strides` into the struct itself, released exactly once,
//! attaching first when dropped on a detached thread), and the typed slice and copy operations
//! (`Element` and `ReadOnlyCell` are in `buffer_element.rs`).

use crate::err::PyResult;
use crate::exceptions::PyBufferError;
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::marker::Python;
use crate::types::PyAny;
use std::cell::Cell;
use std::ffi::{c_char, c_void, CStr};
use std::marker::PhantomData;
use std::pin::Pin;

pub use super::buffer_element::{Element, ReadOnlyCell};

/// Allows access to the underlying buffer used by a Python object such as `bytes`,
/// `bytearray` or `array.array`, without interpreting its elements (see [`PyBuffer`] for that).
#[repr(transparent)]
pub struct PyUntypedBuffer(Pin<Box<ffi::Py_buffer>>);

// SAFETY: the view is only read through `&self`; the buffer's memory is accessed through raw
// pointers or `Cell`s whose use needs attachment (`Python` arguments); the release attaches.
unsafe impl Send for PyUntypedBuffer {}
// SAFETY: as for `Send`: `&self` methods only read the (immutable after export) view.
unsafe impl Sync for PyUntypedBuffer {}

impl Drop for PyUntypedBuffer {
    fn drop(&mut self) {
        // Attaching nests cheaply when already attached; on a detached thread it attaches for
        // the release. When the interpreter is gone, the view is leaked (nothing can run).
        let view: *mut ffi::Py_buffer = &mut *self.0;
        Python::try_attach(|_py| {
            // SAFETY: attached; `view` was filled by a successful `PyObject_GetBuffer` and is
            // released here exactly once (the owner is being dropped).
            unsafe { ffi::PyBuffer_Release(view) }
        });
    }
}

impl PyUntypedBuffer {
    /// Gets the underlying buffer from `obj` (`PyBUF_FULL_RO`: any layout, read-only allowed).
    pub fn get(obj: &Bound<'_, PyAny>) -> PyResult<PyUntypedBuffer> {
        // SAFETY: an all-zero `Py_buffer` is a valid (empty) value of this C struct.
        let mut view: Pin<Box<ffi::Py_buffer>> = Box::pin(unsafe { std::mem::zeroed() });
        // SAFETY: attached (`obj`); `view` is a valid, pinned struct for the exporter to fill;
        // -1 with an exception on failure (then nothing was exported and nothing to release).
        let rc =
            unsafe { ffi::PyObject_GetBuffer(obj.as_ptr(), &mut *view, ffi::PyBUF_FULL_RO as _) };
        crate::ffi::api::int_result(obj.py(), rc)?;
        let buf = PyUntypedBuffer(view);
        if buf.0.shape.is_null() {
            return Err(PyBufferError::new_err("shape is null"));
        }
        if buf.0.strides.is_null() {
            return Err(PyBufferError::new_err("strides is null"));
        }
        Ok(buf)
    }

    /// Releases the buffer (also done on drop).
    pub fn release(self, _py: Python<'_>) {
        drop(self);
    }

    /// The object that exports the buffer, if any.
    pub fn obj<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyAny>> {
        // SAFETY: the view holds a strong reference to its exporter until released, which
        // outlives `&self`; a new reference is taken at once.
        unsafe { self.0.obj.assume_borrowed_or_opt(py) }.map(|b| b.to_owned())
    }

    /// The start of the buffer memory. Other code may change this memory at any time.
    #[inline]
    pub fn buf_ptr(&self) -> *mut c_void {
        self.0.buf
    }

    /// A pointer to the item at `indices` (or to the sub-array start when fewer indices than
    /// dimensions are given). Panics when an index is out of range.
    pub fn get_ptr(&self, indices: &[usize]) -> *mut c_void {
        let shape = &self.shape()[..indices.len()];
        for (i, (&index, &len)) in indices.iter().zip(shape).enumerate() {
            assert!(index < len, "index {index} out of range {len} in dimension {i}");
        }
        let mut ptr = self.0.buf.cast::<u8>();
        let suboffsets = self.suboffsets();
        for (dim, (&index, &stride)) in indices.iter().zip(self.strides()).enumerate() {
            // SAFETY: the index is within the dimension's length, so the offset stays inside
            // the exported memory (the exporter's shape/strides contract).
            ptr = unsafe { ptr.offset(index as isize * stride) };
            if let Some(&offset) = suboffsets.and_then(|s| s.get(dim)) {
                if offset >= 0 {
                    // SAFETY: PIL-style indirection: the item is a pointer to follow, then
                    // offset (the exporter's suboffsets contract).
                    ptr = unsafe { (*ptr.cast::<*mut u8>()).offset(offset) };
                }
            }
        }
        ptr.cast()
    }

    /// Whether the buffer is read-only.
    #[inline]
    pub fn readonly(&self) -> bool {
        self.0.readonly != 0
    }

    /// The size of one element in bytes.
    #[inline]
    pub fn item_size(&self) -> usize {
        self.0.itemsize as usize
    }

    /// The number of elements.
    #[inline]
    pub fn item_count(&self) -> usize {
        (self.0.len as usize).checked_div(self.0.itemsize as usize).unwrap_or(0)
    }

    /// `item_size() * item_count()`: the length the data has when contiguous.
    #[inline]
    pub fn len_bytes(&self) -> usize {
        self.0.len as usize
    }

    /// The number of dimensions (0 for a scalar).
    #[inline]
    pub fn dimensions(&self) -> usize {
        self.0.ndim as usize
    }

    /// The length of each dimension.
    pub fn shape(&self) -> &[usize] {
        // SAFETY: `get` checked `shape` is non-NULL; it has `ndim` entries that stay valid
        // while the view is held; `Py_ssize_t` lengths are non-negative, so `usize` fits.
        unsafe { std::slice::from_raw_parts(self.0.shape.cast(), self.0.ndim as usize) }
    }

    /// The byte distance between consecutive items of each dimension.
    pub fn strides(&self) -> &[isize] {
        // SAFETY: `get` checked `strides` is non-NULL; `ndim` entries valid while held.
        unsafe { std::slice::from_raw_parts(self.0.strides.cast(), self.0.ndim as usize) }
    }

    /// The PIL-style suboffsets of each dimension, if the buffer has any.
    pub fn suboffsets(&self) -> Option<&[isize]> {
        if self.0.suboffsets.is_null() {
            return None;
        }
        // SAFETY: non-NULL: `ndim` entries valid while the view is held.
        Some(unsafe { std::slice::from_raw_parts(self.0.suboffsets.cast(), self.0.ndim as usize) })
    }

    /// The `struct`-style format of the elements (`"B"` when the exporter gives none).
    pub fn format(&self) -> &CStr {
        if self.0.format.is_null() {
            return c"B";
        }
        // SAFETY: non-NULL: a NUL-terminated string valid while the view is held.
        unsafe { CStr::from_ptr(self.0.format) }
    }

    /// Whether the buffer is C-style (row-major) contiguous.
    pub fn is_c_contiguous(&self) -> bool {
        self.is_contiguous(b'C')
    }

    /// Whether the buffer is Fortran-style (column-major) contiguous.
    pub fn is_fortran_contiguous(&self) -> bool {
        self.is_contiguous(b'F')
    }

    fn is_contiguous(&self, order: u8) -> bool {
        // SAFETY: the view is valid while held; the function only reads it.
        unsafe { ffi::PyBuffer_IsContiguous(self.view_ptr() as _, order as c_char) != 0 }
    }

    fn view_ptr(&self) -> *mut ffi::Py_buffer {
        std::ptr::from_ref::<ffi::Py_buffer>(&self.0).cast_mut()
    }

    /// The buffer as `&PyBuffer<T>`, after checking the element type (and alignment).
    pub(crate) fn typed<T: Element>(&self) -> PyResult<&PyBuffer<T>> {
        self.ensure_compatible_with::<T>()?;
        // SAFETY: `PyBuffer<T>` is a `repr(transparent)` wrapper of `PyUntypedBuffer` (the
        // other field is a zero-sized marker), and the element type was just checked.
        Ok(unsafe { &*std::ptr::from_ref(self).cast::<PyBuffer<T>>() })
    }

    /// The buffer as `PyBuffer<T>`, after checking the element type (and alignment).
    pub(crate) fn into_typed_buffer<T: Element>(self) -> PyResult<PyBuffer<T>> {
        self.ensure_compatible_with::<T>()?;
        Ok(PyBuffer(self, PhantomData))
    }

    fn ensure_compatible_with<T: Element>(&self) -> PyResult<()> {
        let name = std::any::type_name::<T>();
        if std::mem::size_of::<T>() != self.item_size() || !T::is_compatible_format(self.format()) {
            Err(PyBufferError::new_err(format!("buffer contents are not compatible with {name}")))
        } else if self.0.buf.align_offset(std::mem::align_of::<T>()) != 0 {
            Err(PyBufferError::new_err(format!(
                "buffer contents are insufficiently aligned for {name}"
            )))
        } else {
            Ok(())
        }
    }
}

/// A [`PyUntypedBuffer`] whose elements are known to be of type `T`.
#[repr(transparent)]
pub struct PyBuffer<T>(PyUntypedBuffer, PhantomData<[T]>);

impl<T> PyBuffer<T> {
    /// The untyped buffer.
    #[inline]
    pub fn as_untyped(&self) -> &PyUntypedBuffer {
        &self.0
    }

    /// The untyped buffer, by value.
    pub(crate) fn into_untyped(self) -> PyUntypedBuffer {
        self.0
    }
}

impl<T: Element> PyBuffer<T> {
    /// The elements as a slice of read-only cells, if the buffer is C-contiguous.
    pub fn as_slice<'a>(&'a self, _py: Python<'a>) -> Option<&'a [ReadOnlyCell<T>]> {
        self.cells(self.0.is_c_contiguous())
    }

    /// The elements as a slice of cells, if the buffer is writable and C-contiguous.
    pub fn as_mut_slice<'a>(&'a self, _py: Python<'a>) -> Option<&'a [Cell<T>]> {
        let ok = !self.0.readonly() && self.0.is_c_contiguous();
        // SAFETY: `ReadOnlyCell<T>` and `Cell<T>` are both `repr(transparent)` over `T`
        // (through `UnsafeCell<T>`); the buffer is writable, so writes through `Cell` are
        // allowed, and `Cell` is `!Sync`, so they stay on this attached thread.
        self.cells(ok).map(|s| unsafe { &*(std::ptr::from_ref(s) as *const [Cell<T>]) })
    }

    /// The elements as a slice of read-only cells, if the buffer is Fortran-contiguous.
    pub fn as_fortran_slice<'a>(&'a self, _py: Python<'a>) -> Option<&'a [ReadOnlyCell<T>]> {
        self.cells(self.0.is_fortran_contiguous())
    }

    /// The elements as a slice of cells, if the buffer is writable and Fortran-contiguous.
    pub fn as_fortran_mut_slice<'a>(&'a self, _py: Python<'a>) -> Option<&'a [Cell<T>]> {
        let ok = !self.0.readonly() && self.0.is_fortran_contiguous();
        // SAFETY: as in `as_mut_slice`.
        self.cells(ok).map(|s| unsafe { &*(std::ptr::from_ref(s) as *const [Cell<T>]) })
    }

    fn cells(&self, contiguous: bool) -> Option<&[ReadOnlyCell<T>]> {
        if !contiguous {
            return None;
        }
        let n = self.0.item_count();
        if n == 0 {
            return Some(&[]);
        }
        // SAFETY: the buffer is contiguous, holds `n` items of `T` (size, format and
        // alignment checked on typing) and stays exported while `&self` lives; the cells
        // never hand out references to the shared memory.
        Some(unsafe { std::slice::from_raw_parts(self.0.buf_ptr().cast(), n) })
    }

    /// Copies the elements into `target` (in `order`, `b'C'` or `b'F'`); `target` must have
    /// exactly `item_count()` elements.
    pub(crate) fn copy_to_raw(&self, py: Python<'_>, target: &mut [T], order: u8) -> PyResult<()> {
        if std::mem::size_of_val(target) != self.0.len_bytes() {
            return Err(PyBufferError::new_err(format!(
                "slice to copy to (of length {}) does not match buffer length of {}",
                target.len(),
                self.0.item_count()
            )));
        }
        // SAFETY: attached (`py`); `target` has exactly `len` writable bytes; the view is valid.
        let rc = unsafe {
            ffi::PyBuffer_ToContiguous(
                target.as_mut_ptr().cast(),
                self.0.view_ptr() as _,
                self.0.len_bytes() as ffi::Py_ssize_t,
                order as c_char,
            )
        };
        crate::ffi::api::int_result(py, rc).map(drop)
    }

    /// The elements copied into a new `Vec` (in `order`).
    pub(crate) fn to_vec_raw(&self, py: Python<'_>, order: u8) -> PyResult<Vec<T>> {
        let n = self.0.item_count();
        let mut vec: Vec<T> = Vec::with_capacity(n);
        // SAFETY: attached; the `Vec` has room for `n` items = `len` bytes; the view is valid.
        let rc = unsafe {
            ffi::PyBuffer_ToContiguous(
                vec.as_mut_ptr().cast(),
                self.0.view_ptr() as _,
                self.0.len_bytes() as ffi::Py_ssize_t,
                order as c_char,
            )
        };
        crate::ffi::api::int_result(py, rc)?;
        // SAFETY: the copy initialised all `n` items (any bit pattern is a valid `T`).
        unsafe { vec.set_len(n) };
        Ok(vec)
    }

    /// Copies `source` into the buffer (in `order`); `BufferError` when read-only or when
    /// `source` does not have exactly `item_count()` elements.
    pub(crate) fn copy_from_raw(&self, py: Python<'_>, source: &[T], order: u8) -> PyResult<()> {
        if self.0.readonly() {
            return Err(PyBufferError::new_err("cannot write to read-only buffer"));
        }
        if std::mem::size_of_val(source) != self.0.len_bytes() {
            return Err(PyBufferError::new_err(format!(
                "slice to copy from (of length {}) does not match buffer length of {}",
                source.len(),
                self.0.item_count()
            )));
        }
        // SAFETY: attached; `source` has exactly `len` readable bytes; the view is writable.
        let rc = unsafe {
            ffi::PyBuffer_FromContiguous(
                self.0.view_ptr() as _,
                source.as_ptr().cast_mut().cast::<c_void>() as _,
                self.0.len_bytes() as ffi::Py_ssize_t,
                order as c_char,
            )
        };
        crate::ffi::api::int_result(py, rc).map(drop)
    }

    /// Releases the buffer (also done on drop).
    pub fn release(self, py: Python<'_>) {
        self.0.release(py);
    }
}
