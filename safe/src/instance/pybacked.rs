//! The owning core of [`PyBackedStr`] and [`PyBackedBytes`]: a Python object kept alive next to
//! a view of its (immutable) text or bytes. Conversions and comparisons are in `pybacked.rs`.

use crate::err::PyResult;
use crate::ffi::api;
use crate::instance::{Bound, Py};
use crate::marker::Python;
use crate::types::{PyByteArray, PyByteArrayMethods, PyBytes, PyString};
use std::ops::Deref;
use std::ptr::NonNull;
use std::sync::Arc;

/// A `str` whose storage is a Python object, kept alive (and immutable) as long as this value:
/// the `str` itself, or (under the limited API before 3.10, which cannot borrow a `str`'s UTF-8)
/// a `bytes` copy of its UTF-8 encoding.
pub struct PyBackedStr {
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    storage: Py<PyString>,
    #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
    storage: Py<PyBytes>,
    data: NonNull<str>,
}

// SAFETY: the view points into an immutable buffer owned by `storage` (a `Py`, which is `Send`
// and `Sync`); reading it needs no attachment.
unsafe impl Send for PyBackedStr {}
// SAFETY: as for `Send`: shared access only reads immutable data.
unsafe impl Sync for PyBackedStr {}

impl PyBackedStr {
    /// Another handle on the same storage (one more reference count).
    pub fn clone_ref(&self, py: Python<'_>) -> Self {
        PyBackedStr { storage: self.storage.clone_ref(py), data: self.data }
    }

    /// The Python object that owns the text: the `str` (or, under the limited API before 3.10,
    /// its UTF-8 `bytes`).
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    pub(crate) fn storage(&self) -> &Py<PyString> {
        &self.storage
    }
}

impl TryFrom<Bound<'_, PyString>> for PyBackedStr {
    type Error = crate::PyErr;
    fn try_from(s: Bound<'_, PyString>) -> PyResult<Self> {
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        {
            let data = NonNull::from(api::string_to_str(s.as_borrowed())?);
            Ok(PyBackedStr { storage: s.unbind(), data })
        }
        #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
        {
            let bytes = api::string_encode_utf8(&s)?;
            let text = std::str::from_utf8(api::bytes_data(&bytes))
                .expect("CPython produced invalid UTF-8");
            let data = NonNull::from(text);
            Ok(PyBackedStr { storage: bytes.unbind(), data })
        }
    }
}

impl Deref for PyBackedStr {
    type Target = str;
    fn deref(&self) -> &str {
        // SAFETY: `data` points into the immutable UTF-8 buffer of `storage`, which lives (and
        // does not change) as long as `self` holds its reference.
        unsafe { self.data.as_ref() }
    }
}

/// Who owns the bytes of a [`PyBackedBytes`].
enum BytesStorage {
    Python(Py<PyBytes>),
    Rust(Arc<[u8]>),
}

/// A `[u8]` whose storage is a Python `bytes` (borrowed, kept alive) or, for a `bytearray`
/// (which is mutable), a Rust copy.
pub struct PyBackedBytes {
    storage: BytesStorage,
    data: NonNull<[u8]>,
}

// SAFETY: the view points into an immutable buffer owned by `storage` (a `Py<PyBytes>` or an
// `Arc<[u8]>`, both `Send + Sync`).
unsafe impl Send for PyBackedBytes {}
// SAFETY: as for `Send`: shared access only reads immutable data.
unsafe impl Sync for PyBackedBytes {}

impl PyBackedBytes {
    /// Another handle on the same storage.
    pub fn clone_ref(&self, py: Python<'_>) -> Self {
        let storage = match &self.storage {
            BytesStorage::Python(b) => BytesStorage::Python(b.clone_ref(py)),
            BytesStorage::Rust(a) => BytesStorage::Rust(a.clone()),
        };
        PyBackedBytes { storage, data: self.data }
    }

    /// The Python `bytes` that owns the data, if it is not a Rust copy.
    pub(crate) fn python_storage(&self) -> Option<&Py<PyBytes>> {
        match &self.storage {
            BytesStorage::Python(b) => Some(b),
            BytesStorage::Rust(_) => None,
        }
    }
}

impl From<Bound<'_, PyBytes>> for PyBackedBytes {
    fn from(b: Bound<'_, PyBytes>) -> Self {
        let data = NonNull::from(api::bytes_data(&b));
        PyBackedBytes { storage: BytesStorage::Python(b.unbind()), data }
    }
}

impl From<Bound<'_, PyByteArray>> for PyBackedBytes {
    fn from(b: Bound<'_, PyByteArray>) -> Self {
        let copy: Arc<[u8]> = Arc::from(b.to_vec());
        let data = NonNull::from(&*copy);
        PyBackedBytes { storage: BytesStorage::Rust(copy), data }
    }
}

impl Deref for PyBackedBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        // SAFETY: `data` points into the immutable buffer of `storage` (a `bytes` object or an
        // `Arc<[u8]>`), which lives as long as `self` holds it.
        unsafe { self.data.as_ref() }
    }
}
