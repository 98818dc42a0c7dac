//! Constructors of `UnicodeDecodeError` objects (`PyUnicodeDecodeError::new`/`new_utf8`), as
//! used by the conversion of Rust's UTF-8 errors.

use super::PyUnicodeDecodeError;
use crate::types::{PyAnyMethods, PyBytes};
use crate::{Bound, PyResult, Python};
use std::ffi::CStr;
use std::ops::Range;
use std::str::Utf8Error;

impl PyUnicodeDecodeError {
    /// A `UnicodeDecodeError(encoding, input, range.start, range.end, reason)`.
    pub fn new<'py>(
        py: Python<'py>,
        encoding: &CStr,
        input: &[u8],
        range: Range<usize>,
        reason: &CStr,
    ) -> PyResult<Bound<'py, PyUnicodeDecodeError>> {
        let args = (
            encoding.to_string_lossy(),
            PyBytes::new(py, input),
            range.start,
            range.end,
            reason.to_string_lossy(),
        );
        Ok(py.get_type::<PyUnicodeDecodeError>().call1(args)?.cast_into()?)
    }

    /// The `UnicodeDecodeError` for a Rust UTF-8 decoding error of `input`, e.g.
    /// `'utf-8' codec can't decode byte 0xd8 in position 2: invalid utf-8`.
    pub fn new_utf8<'py>(
        py: Python<'py>,
        input: &[u8],
        err: Utf8Error,
    ) -> PyResult<Bound<'py, PyUnicodeDecodeError>> {
        Self::new(py, c"utf-8", input, utf8_error_range(input, &err), c"invalid utf-8")
    }
}

/// The bytes `err` rejects: its invalid sequence, or the incomplete one at the end of `input`.
pub(crate) fn utf8_error_range(input: &[u8], err: &Utf8Error) -> Range<usize> {
    let start = err.valid_up_to();
    start..err.error_len().map_or(input.len(), |len| start + len)
}
