//! The buffer protocol from the consumer side: [`PyUntypedBuffer`] and [`PyBuffer<T>`] hold one
//! exported view of an object's memory (`bytes`, `bytearray`, `array.array`, `memoryview`, …)
//! until released; [`ElementType`] decodes `struct` format strings. The pointer-level core
//! lives in `ffi/buffer.rs`.
//!
//! ```
//! use pyroxide::buffer::PyBuffer;
//! use pyroxide::prelude::*;
//! # pyroxide::Python::initialize();
//! Python::attach(|py| -> PyResult<()> {
//!     let data = py.eval(pyroxide::c_str!("bytearray(b'abc')"), None, None)?;
//!     let buf = PyBuffer::<u8>::get(&data)?;
//!     assert_eq!(buf.to_vec(py)?, b"abc");
//!     buf.copy_from_slice(py, b"xyz")?;
//!     buf.release(py);
//!     assert_eq!(data.extract::<Vec<u8>>()?, b"xyz");
//!     Ok(())
//! })
//! .unwrap();
//! ```

use crate::conversion::FromPyObject;
use crate::err::{PyErr, PyResult};
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::PyAny;
use std::ffi::CStr;
use std::fmt;

pub use crate::ffi::buffer::{Element, PyBuffer, PyUntypedBuffer, ReadOnlyCell};

/// The kind and size of a buffer's elements, decoded from its format string.
#[derive(Copy, Clone, Debug, Eq, PartialEq)]
pub enum ElementType {
    /// A signed integer of `bytes` bytes.
    SignedInteger {
        /// Its size in bytes.
        bytes: usize,
    },
    /// An unsigned integer of `bytes` bytes.
    UnsignedInteger {
        /// Its size in bytes.
        bytes: usize,
    },
    /// A `bool` (`?`).
    Bool,
    /// A floating point number of `bytes` bytes.
    Float {
        /// Its size in bytes.
        bytes: usize,
    },
    /// Any other format.
    Unknown,
}

impl ElementType {
    /// The element type of a `struct` module format string of one item, with an optional
    /// byte-order prefix (`@`, `=`, `<`, `>`, `!`); [`ElementType::Unknown`] otherwise.
    pub fn from_format(format: &CStr) -> ElementType {
        match format.to_bytes() {
            [size] | [b'@', size] => native_element_type_from_type_char(*size),
            [b'=' | b'<' | b'>' | b'!', size] => standard_element_type_from_type_char(*size),
            _ => ElementType::Unknown,
        }
    }
}

fn native_element_type_from_type_char(type_char: u8) -> ElementType {
    use std::ffi::{c_int, c_long, c_longlong, c_schar, c_short, c_uchar};
    use std::mem::size_of;
    use ElementType::*;
    match type_char {
        b'c' => UnsignedInteger { bytes: size_of::<c_uchar>() },
        b'b' => SignedInteger { bytes: size_of::<c_schar>() },
        b'B' => UnsignedInteger { bytes: size_of::<c_uchar>() },
        b'?' => Bool,
        b'h' => SignedInteger { bytes: size_of::<c_short>() },
        b'H' => UnsignedInteger { bytes: size_of::<c_short>() },
        b'i' => SignedInteger { bytes: size_of::<c_int>() },
        b'I' => UnsignedInteger { bytes: size_of::<c_int>() },
        b'l' => SignedInteger { bytes: size_of::<c_long>() },
        b'L' => UnsignedInteger { bytes: size_of::<c_long>() },
        b'q' => SignedInteger { bytes: size_of::<c_longlong>() },
        b'Q' => UnsignedInteger { bytes: size_of::<c_longlong>() },
        b'n' => SignedInteger { bytes: size_of::<isize>() },
        b'N' => UnsignedInteger { bytes: size_of::<usize>() },
        b'e' => Float { bytes: 2 },
        b'f' => Float { bytes: 4 },
        b'd' => Float { bytes: 8 },
        _ => Unknown,
    }
}

fn standard_element_type_from_type_char(type_char: u8) -> ElementType {
    use ElementType::*;
    match type_char {
        b'c' | b'B' => UnsignedInteger { bytes: 1 },
        b'b' => SignedInteger { bytes: 1 },
        b'?' => Bool,
        b'h' => SignedInteger { bytes: 2 },
        b'H' => UnsignedInteger { bytes: 2 },
        b'i' | b'l' => SignedInteger { bytes: 4 },
        b'I' | b'L' => UnsignedInteger { bytes: 4 },
        b'q' => SignedInteger { bytes: 8 },
        b'Q' => UnsignedInteger { bytes: 8 },
        b'e' => Float { bytes: 2 },
        b'f' => Float { bytes: 4 },
        b'd' => Float { bytes: 8 },
        _ => Unknown,
    }
}

impl PyUntypedBuffer {
    /// The buffer as a [`PyBuffer<T>`]; `BufferError` when its elements are not `T`s (size,
    /// format) or are misaligned for `T`.
    pub fn into_typed<T: Element>(self) -> PyResult<PyBuffer<T>> {
        self.into_typed_buffer()
    }

    /// Non-owning form of [`into_typed`](PyUntypedBuffer::into_typed).
    pub fn as_typed<T: Element>(&self) -> PyResult<&PyBuffer<T>> {
        self.typed()
    }
}

impl fmt::Debug for PyUntypedBuffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PyUntypedBuffer")
            .field("buf", &self.buf_ptr())
            .field("len", &self.len_bytes())
            .field("itemsize", &self.item_size())
            .field("readonly", &self.readonly())
            .field("ndim", &self.dimensions())
            .field("format", &self.format())
            .field("shape", &self.shape())
            .field("strides", &self.strides())
            .field("suboffsets", &self.suboffsets())
            .finish()
    }
}

impl<T> fmt::Debug for PyBuffer<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PyBuffer").field(self.as_untyped()).finish()
    }
}

impl<T> std::ops::Deref for PyBuffer<T> {
    type Target = PyUntypedBuffer;
    fn deref(&self) -> &PyUntypedBuffer {
        self.as_untyped()
    }
}

impl<T: Element> PyBuffer<T> {
    /// Gets the buffer of `obj`, checking that its elements are `T`s; `TypeError` when `obj`
    /// does not support the buffer protocol, `BufferError` when the elements do not match.
    pub fn get(obj: &Bound<'_, PyAny>) -> PyResult<PyBuffer<T>> {
        PyUntypedBuffer::get(obj)?.into_typed()
    }

    /// Copies the elements (C order) into `target`, which must hold exactly
    /// [`item_count`](PyUntypedBuffer::item_count) elements (`BufferError` otherwise).
    pub fn copy_to_slice(&self, py: Python<'_>, target: &mut [T]) -> PyResult<()> {
        self.copy_to_raw(py, target, b'C')
    }

    /// Copies the elements in Fortran order into `target` (as [`copy_to_slice`]).
    ///
    /// [`copy_to_slice`]: PyBuffer::copy_to_slice
    pub fn copy_to_fortran_slice(&self, py: Python<'_>, target: &mut [T]) -> PyResult<()> {
        self.copy_to_raw(py, target, b'F')
    }

    /// The elements (C order) copied into a new `Vec`.
    pub fn to_vec(&self, py: Python<'_>) -> PyResult<Vec<T>> {
        self.to_vec_raw(py, b'C')
    }

    /// The elements in Fortran order copied into a new `Vec`.
    pub fn to_fortran_vec(&self, py: Python<'_>) -> PyResult<Vec<T>> {
        self.to_vec_raw(py, b'F')
    }

    /// Copies `source` (C order) into the buffer; `BufferError` when the buffer is read-only or
    /// `source` does not hold exactly [`item_count`](PyUntypedBuffer::item_count) elements.
    pub fn copy_from_slice(&self, py: Python<'_>, source: &[T]) -> PyResult<()> {
        self.copy_from_raw(py, source, b'C')
    }

    /// Copies `source` in Fortran order into the buffer (as [`copy_from_slice`]).
    ///
    /// [`copy_from_slice`]: PyBuffer::copy_from_slice
    pub fn copy_from_fortran_slice(&self, py: Python<'_>, source: &[T]) -> PyResult<()> {
        self.copy_from_raw(py, source, b'F')
    }
}

impl<T> From<PyBuffer<T>> for PyUntypedBuffer {
    fn from(buffer: PyBuffer<T>) -> PyUntypedBuffer {
        buffer.into_untyped()
    }
}

impl<'a, 'py, T: Element> FromPyObject<'a, 'py> for PyBuffer<T> {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        PyBuffer::get(&obj.to_owned())
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for PyUntypedBuffer {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        PyUntypedBuffer::get(&obj.to_owned())
    }
}
