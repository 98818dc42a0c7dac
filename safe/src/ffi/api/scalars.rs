//! Safe wrappers for the scalar types: `int`, `float`, `str`, `bytes`, and the singletons.

use crate::err::{PyErr, PyResult};
use crate::ffi;
use crate::ffi::ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound};
use crate::marker::Python;
use crate::types::{PyAny, PyInt, PyString};
use std::borrow::Cow;

/// `int(v)` for a signed 64-bit value.
#[inline]
pub(crate) fn long_from_i64(py: Python<'_>, v: i64) -> Bound<'_, PyInt> {
    // SAFETY: attached; a new `int` reference (NULL only on memory exhaustion, which panics).
    unsafe { ffi::PyLong_FromLongLong(v as _).assume_owned(py).cast_into_unchecked() }
}

/// `int(v)` for an unsigned 64-bit value.
#[inline]
pub(crate) fn long_from_u64(py: Python<'_>, v: u64) -> Bound<'_, PyInt> {
    // SAFETY: attached; a new `int` reference (NULL only on memory exhaustion, which panics).
    unsafe { ffi::PyLong_FromUnsignedLongLong(v as _).assume_owned(py).cast_into_unchecked() }
}

/// `int(text)` for a decimal literal (used for 128-bit values).
pub(crate) fn long_from_decimal<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let text = std::ffi::CString::new(text)
        .map_err(|_| crate::exceptions::PyValueError::new_err("NUL in integer literal"))?;
    // SAFETY: attached; `text` is NUL-terminated; new reference or NULL with an exception set.
    unsafe {
        ffi::PyLong_FromString(text.as_ptr(), std::ptr::null_mut(), 10).assume_owned_or_err(py)
    }
}

/// `operator.index(obj)` (a `TypeError` for non-integers such as floats).
pub(crate) fn number_index<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; `obj` live; new reference or NULL with an exception set.
    unsafe { ffi::PyNumber_Index(obj.as_ptr()).assume_owned_or_err(obj.py()) }
}

/// `format(operator.index(obj), "d")` as a `str`: the decimal digits of the integer value of
/// `obj` (an exact `int` value even where `PyNumber_Index` returns an `int` subclass such as
/// `True` unchanged, as on 3.9); a `TypeError` for non-integers.
pub(crate) fn number_to_decimal<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyString>> {
    // SAFETY: attached; `obj` live; base 10 is one of the bases `PyNumber_ToBase` accepts; a new
    // `str` reference or NULL with an exception set.
    unsafe {
        let text = ffi::PyNumber_ToBase(obj.as_ptr(), 10).assume_owned_or_err(obj.py())?;
        Ok(text.cast_into_unchecked())
    }
}

/// Whether `obj` is an `int` (or subclass).
pub(crate) fn is_long(obj: &Bound<'_, PyAny>) -> bool {
    // SAFETY: attached; `obj` live.
    unsafe { ffi::PyLong_Check(obj.as_ptr()) != 0 }
}

/// The value of `obj` if it is a compact `int` (one digit: less than 2**30 in magnitude), read
/// from the object; `None` for anything else, and always on PyPy, GraalPy and under the limited API.
#[inline(always)]
fn compact_value(obj: &Bound<'_, PyAny>) -> Option<isize> {
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    // SAFETY: attached; `obj` live; the compact accessors are used only on an `int` and the
    // value only when it is compact.
    unsafe {
        let p = obj.as_ptr();
        if ffi::PyLong_Check(p) != 0 && ffi::_PyLong_IsCompact(p) {
            return Some(ffi::_PyLong_CompactValue(p));
        }
    }
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
    let _ = obj;
    None
}

/// The value of an `int` (anything else: via `__index__`) as `i64`; `OverflowError` when out
/// of range.
#[inline(always)]
pub(crate) fn long_as_i64(obj: &Bound<'_, PyAny>) -> PyResult<i64> {
    match compact_value(obj) {
        Some(v) => Ok(v as i64),
        None => long_as_i64_slow(obj),
    }
}

/// [`long_as_i64`] through `PyLong_AsLong` where a C `long` has 64 bits (so an overflow says
/// "Python int too large to convert to C long", as with PyO3), `PyLong_AsLongLong` elsewhere.
#[inline(never)]
fn long_as_i64_slow(obj: &Bound<'_, PyAny>) -> PyResult<i64> {
    let index;
    let int = if is_long(obj) {
        obj
    } else {
        index = number_index(obj)?;
        &index
    };
    let v = if std::mem::size_of::<std::ffi::c_long>() == std::mem::size_of::<i64>() {
        // SAFETY: attached; `int` is a live `int`; -1 with an exception set on overflow. The
        // result (a C `long`, `Py_ssize_t` in PyPy's declaration) has 64 bits here.
        unsafe { ffi::PyLong_AsLong(int.as_ptr()) as i64 }
    } else {
        // SAFETY: as above, for `long long`.
        unsafe { ffi::PyLong_AsLongLong(int.as_ptr()) as i64 }
    };
    if v == -1 && super::occurred(obj.py()) {
        return Err(PyErr::fetch(obj.py()));
    }
    Ok(v as i64)
}

/// The value of an `int` (anything else: via `__index__`) as `u64`; `OverflowError` when
/// negative or too large.
#[inline(always)]
pub(crate) fn long_as_u64(obj: &Bound<'_, PyAny>) -> PyResult<u64> {
    match compact_value(obj) {
        Some(v) if v >= 0 => Ok(v as u64),
        _ => long_as_u64_slow(obj),
    }
}

/// [`long_as_u64`] through `PyLong_AsUnsignedLongLong`.
#[inline(never)]
fn long_as_u64_slow(obj: &Bound<'_, PyAny>) -> PyResult<u64> {
    let index;
    let int = if is_long(obj) {
        obj
    } else {
        index = number_index(obj)?;
        &index
    };
    // SAFETY: attached; `int` is a live `int`; `(unsigned long long)-1` with an exception set
    // on overflow or a negative value.
    let v = unsafe { ffi::PyLong_AsUnsignedLongLong(int.as_ptr()) };
    if v as u64 == u64::MAX && super::occurred(obj.py()) {
        return Err(PyErr::fetch(obj.py()));
    }
    Ok(v as u64)
}

/// `float(v)`.
pub(crate) fn float_from_f64(py: Python<'_>, v: f64) -> Bound<'_, PyAny> {
    // SAFETY: attached; new reference (NULL only on memory exhaustion, which panics).
    unsafe { ffi::PyFloat_FromDouble(v).assume_owned(py) }
}

/// `float(obj)` as `f64` (`__float__`, then `__index__`); an exact `float` is read from the
/// object (what `PyFloat_AS_DOUBLE` does), without a call.
#[inline(always)]
pub(crate) fn float_as_f64(obj: &Bound<'_, PyAny>) -> PyResult<f64> {
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    // SAFETY: attached; `obj` is live, and it is read as a `PyFloatObject` only when its type is
    // exactly `float` (whose value is immutable).
    unsafe {
        let p = obj.as_ptr();
        if ffi::Py_IS_TYPE(p, std::ptr::addr_of_mut!(ffi::PyFloat_Type)) != 0 {
            return Ok(ffi::PyFloat_AS_DOUBLE(p));
        }
    }
    float_as_f64_slow(obj)
}

/// [`float_as_f64`] through `PyFloat_AsDouble`.
#[inline(never)]
fn float_as_f64_slow(obj: &Bound<'_, PyAny>) -> PyResult<f64> {
    // SAFETY: attached; `obj` live; -1.0 with an exception set on error.
    let v = unsafe { ffi::PyFloat_AsDouble(obj.as_ptr()) };
    if v == -1.0 && super::occurred(obj.py()) {
        return Err(PyErr::fetch(obj.py()));
    }
    Ok(v)
}

/// A new `str` from UTF-8 text.
pub(crate) fn string_new<'py>(py: Python<'py>, s: &str) -> Bound<'py, PyAny> {
    // SAFETY: attached; the pointer and length describe valid UTF-8; new reference (NULL only on
    // memory exhaustion, which panics).
    unsafe {
        ffi::PyUnicode_FromStringAndSize(s.as_ptr().cast(), s.len() as ffi::Py_ssize_t)
            .assume_owned(py)
    }
}

/// An interned `str` from UTF-8 text.
pub(crate) fn string_intern<'py>(py: Python<'py>, s: &str) -> Bound<'py, PyAny> {
    // `PyUnicode_InternInPlace` is in the limited API too: abi3 builds intern as well.
    let mut ptr = string_new(py, s).into_ptr();
    // SAFETY: attached; `ptr` is an owned reference to an exact `str`, which
    // `PyUnicode_InternInPlace` may replace by the interned one (adjusting references).
    unsafe {
        ffi::PyUnicode_InternInPlace(&mut ptr);
        ptr.assume_owned(py)
    }
}

/// The UTF-8 text of a `str`, borrowed from the object (which caches it).
#[cfg(any(not(Py_LIMITED_API), Py_3_10))]
pub(crate) fn string_to_str<'a>(s: Borrowed<'a, '_, crate::types::PyString>) -> PyResult<&'a str> {
    // A compact ASCII string's characters are its UTF-8 text, stored right after the header
    // (what `PyUnicode_AsUTF8AndSize` returns for it), read here without the call. Not on
    // free-threaded builds, where interning may rewrite the state word this reads.
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy, Py_GIL_DISABLED)))]
    // SAFETY: attached on a GIL build; `s` is a live `str`; when it is compact ASCII (bits fixed
    // at creation), its `length` ASCII bytes start at `PyUnicode_DATA` and live as long as the
    // object, i.e. at least `'a`.
    unsafe {
        let p = s.as_ptr();
        if ffi::PyUnicode_IS_COMPACT_ASCII(p) != 0 {
            let data = ffi::PyUnicode_DATA(p).cast::<u8>();
            let len = ffi::PyUnicode_GET_LENGTH(p) as usize;
            return Ok(std::str::from_utf8_unchecked(std::slice::from_raw_parts(data, len)));
        }
    }
    let mut len: ffi::Py_ssize_t = 0;
    // SAFETY: attached; `s` is a live `str` (its type says so); the returned buffer is cached by
    // the object and lives as long as it, i.e. at least `'a`; NULL with an exception set if the
    // text has lone surrogates.
    let data = unsafe { ffi::PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut len) };
    if data.is_null() {
        return Err(PyErr::fetch(s.py()));
    }
    // SAFETY: `data` points to `len` bytes of valid UTF-8 owned by the object (see above).
    Ok(unsafe {
        std::str::from_utf8_unchecked(std::slice::from_raw_parts(data.cast(), len as usize))
    })
}

/// The UTF-8 text of a `str`, borrowed where the API allows, copied otherwise.
pub(crate) fn string_to_cow<'a>(
    s: Borrowed<'a, '_, crate::types::PyString>,
) -> PyResult<Cow<'a, str>> {
    #[cfg(any(not(Py_LIMITED_API), Py_3_10))]
    return string_to_str(s).map(Cow::Borrowed);
    #[cfg(not(any(not(Py_LIMITED_API), Py_3_10)))]
    {
        // SAFETY: attached; `s` is a live `str`; new `bytes` reference or NULL with an exception.
        let bytes = unsafe { ffi::PyUnicode_AsUTF8String(s.as_ptr()).assume_owned_or_err(s.py())? };
        let bytes = bytes.cast_into::<crate::types::PyBytes>()?;
        let data = bytes_data(&bytes);
        Ok(Cow::Owned(String::from_utf8(data.to_vec()).expect("CPython produced invalid UTF-8")))
    }
}

/// `s.encode("utf-8")`; an error for lone surrogates.
pub(crate) fn string_encode_utf8<'py>(
    s: &Bound<'py, crate::types::PyString>,
) -> PyResult<Bound<'py, crate::types::PyBytes>> {
    // SAFETY: attached; `s` is a live `str`; new `bytes` reference or NULL with an exception.
    let bytes = unsafe { ffi::PyUnicode_AsUTF8String(s.as_ptr()).assume_owned_or_err(s.py())? };
    Ok(super::cast_bound(bytes))
}

/// The contents of a `bytes` object.
pub(crate) fn bytes_data<'a>(b: &'a Bound<'_, crate::types::PyBytes>) -> &'a [u8] {
    // SAFETY: attached; `b` is a live `bytes` (its type says so), whose buffer is immutable and
    // lives as long as the object, which `'a` borrows.
    unsafe {
        let data = ffi::PyBytes_AsString(b.as_ptr());
        let len = ffi::PyBytes_Size(b.as_ptr());
        std::slice::from_raw_parts(data.cast(), len as usize)
    }
}

/// A new `bytes` object.
pub(crate) fn bytes_new<'py>(py: Python<'py>, data: &[u8]) -> Bound<'py, PyAny> {
    // SAFETY: attached; pointer and length describe `data`; new reference.
    unsafe {
        ffi::PyBytes_FromStringAndSize(data.as_ptr().cast(), data.len() as ffi::Py_ssize_t)
            .assume_owned(py)
    }
}

/// `None`, `True`, `False`, `Ellipsis` and `NotImplemented`, borrowed (they are immortal or
/// kept alive by the interpreter).
pub(crate) fn none(py: Python<'_>) -> Borrowed<'static, '_, PyAny> {
    // SAFETY: attached; `None` lives as long as the interpreter.
    unsafe { ffi::Py_None().assume_borrowed(py) }
}

/// `True` or `False`.
pub(crate) fn bool_object(py: Python<'_>, v: bool) -> Borrowed<'static, '_, PyAny> {
    // SAFETY: attached; the two booleans live as long as the interpreter.
    unsafe { if v { ffi::Py_True() } else { ffi::Py_False() }.assume_borrowed(py) }
}

/// `Ellipsis`.
pub(crate) fn ellipsis(py: Python<'_>) -> Borrowed<'static, '_, PyAny> {
    #[cfg(all(Py_LIMITED_API, Py_3_13))]
    // SAFETY: attached; a valid constant id; the constant lives as long as the interpreter.
    let ptr = unsafe { ffi::Py_GetConstantBorrowed(ffi::Py_CONSTANT_ELLIPSIS as _) };
    #[cfg(not(any(all(Py_LIMITED_API, Py_3_13), GraalPy)))]
    // SAFETY: only the address of the exported static is taken (safe from Rust 1.82).
    #[allow(unused_unsafe)]
    let ptr = unsafe { std::ptr::addr_of_mut!(ffi::_Py_EllipsisObject) };
    #[cfg(GraalPy)]
    // SAFETY: GraalPy exports a pointer to the singleton, set once the interpreter is up.
    let ptr = unsafe { ffi::Py_Ellipsis() };
    // SAFETY: as above, `Ellipsis` lives as long as the interpreter.
    unsafe { ptr.assume_borrowed(py) }
}

/// `NotImplemented`.
pub(crate) fn not_implemented(py: Python<'_>) -> Borrowed<'static, '_, PyAny> {
    #[cfg(all(Py_LIMITED_API, Py_3_13))]
    // SAFETY: attached; a valid constant id; the constant lives as long as the interpreter.
    let ptr = unsafe { ffi::Py_GetConstantBorrowed(ffi::Py_CONSTANT_NOT_IMPLEMENTED as _) };
    #[cfg(not(any(all(Py_LIMITED_API, Py_3_13), GraalPy)))]
    // SAFETY: only the address of the exported static is taken (safe from Rust 1.82).
    #[allow(unused_unsafe)]
    let ptr = unsafe { std::ptr::addr_of_mut!(ffi::_Py_NotImplementedStruct) };
    #[cfg(GraalPy)]
    // SAFETY: GraalPy exports a pointer to the singleton, set once the interpreter is up.
    let ptr = unsafe { ffi::Py_NotImplemented() };
    // SAFETY: as above.
    unsafe { ptr.assume_borrowed(py) }
}

/// The text of a `str` with each lone surrogate replaced by one U+FFFD.
pub(crate) fn string_lossy(s: Borrowed<'_, '_, crate::types::PyString>) -> String {
    let py = s.py();
    // SAFETY: attached; `s` is a live `str`; the codec and error handler names are
    // NUL-terminated; a new `bytes` reference or NULL with an exception set. UTF-32 with
    // `surrogatepass` keeps every code point, surrogates included, as one 4-byte unit.
    let bytes = unsafe {
        ffi::PyUnicode_AsEncodedString(s.as_ptr(), c"utf-32-le".as_ptr(), c"surrogatepass".as_ptr())
            .assume_owned_or_err(py)
    };
    match bytes.map(|b| b.cast_into::<crate::types::PyBytes>()) {
        Ok(Ok(b)) => bytes_data(&b)
            .chunks_exact(4)
            .map(|c| {
                char::from_u32(u32::from_le_bytes([c[0], c[1], c[2], c[3]])).unwrap_or('\u{fffd}')
            })
            .collect(),
        _ => String::from("\u{fffd}"),
    }
}
