//! `From` conversions of the standard library's errors into the matching Python exceptions.

use crate::err::PyErr;
use crate::exceptions::*;
use std::io::ErrorKind;

impl From<std::io::Error> for PyErr {
    fn from(e: std::io::Error) -> PyErr {
        let message = e.to_string();
        match e.kind() {
            ErrorKind::NotFound => PyFileNotFoundError::new_err(message),
            ErrorKind::PermissionDenied => PyPermissionError::new_err(message),
            ErrorKind::ConnectionRefused => PyConnectionRefusedError::new_err(message),
            ErrorKind::ConnectionReset => PyConnectionResetError::new_err(message),
            ErrorKind::ConnectionAborted => PyConnectionAbortedError::new_err(message),
            ErrorKind::BrokenPipe => PyBrokenPipeError::new_err(message),
            ErrorKind::AlreadyExists => PyFileExistsError::new_err(message),
            ErrorKind::WouldBlock => PyBlockingIOError::new_err(message),
            ErrorKind::TimedOut => PyTimeoutError::new_err(message),
            ErrorKind::Interrupted => PyInterruptedError::new_err(message),
            ErrorKind::IsADirectory => PyIsADirectoryError::new_err(message),
            ErrorKind::NotADirectory => PyNotADirectoryError::new_err(message),
            _ => PyOSError::new_err(message),
        }
    }
}

macro_rules! value_errors {
    ($($ty:ty => $exc:ident),* $(,)?) => {$(
        impl From<$ty> for PyErr {
            fn from(e: $ty) -> PyErr {
                $exc::new_err(e.to_string())
            }
        }
    )*};
}

value_errors! {
    std::num::ParseIntError => PyValueError,
    std::num::ParseFloatError => PyValueError,
    std::num::TryFromIntError => PyValueError,
    std::str::ParseBoolError => PyValueError,
    std::str::Utf8Error => PyValueError,
    std::string::FromUtf16Error => PyValueError,
    std::char::ParseCharError => PyValueError,
    std::char::TryFromCharError => PyValueError,
    std::net::AddrParseError => PyValueError,
    std::ffi::NulError => PyValueError,
    std::ffi::FromBytesWithNulError => PyValueError,
    std::ffi::IntoStringError => PyValueError,
    std::array::TryFromSliceError => PyValueError,
    std::time::SystemTimeError => PyValueError,
}

/// A `UnicodeDecodeError` over the rejected bytes, as `bytes.decode()` raises
/// (`'utf-8' codec can't decode byte 0xff in position 0: invalid utf-8`).
impl From<std::string::FromUtf8Error> for PyErr {
    fn from(e: std::string::FromUtf8Error) -> PyErr {
        let range = crate::exceptions::utf8_error_range(e.as_bytes(), &e.utf8_error());
        PyUnicodeDecodeError::new_err((
            "utf-8",
            e.into_bytes(),
            range.start,
            range.end,
            "invalid utf-8",
        ))
    }
}
