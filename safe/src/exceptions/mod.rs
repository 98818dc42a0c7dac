//! The builtin exception and warning types as Rust types (`PyTypeError`, `PyValueError`, …),
//! each with `new_err`, and the macros that declare exception types of one's own.

use crate::ffi::native::native_exception;

native_exception!(
    /// Python's builtin `ArithmeticError`.
    PyArithmeticError,
    PyExc_ArithmeticError,
    "ArithmeticError"
);
native_exception!(
    /// Python's builtin `AssertionError`.
    PyAssertionError,
    PyExc_AssertionError,
    "AssertionError"
);
native_exception!(
    /// Python's builtin `AttributeError`.
    PyAttributeError,
    PyExc_AttributeError,
    "AttributeError"
);
native_exception!(
    /// Python's builtin `BaseException`.
    PyBaseException,
    PyExc_BaseException,
    "BaseException"
);
#[cfg(all(Py_3_11, not(PyPy)))]
native_exception!(
    /// Python's builtin `BaseExceptionGroup`.
    PyBaseExceptionGroup,
    PyExc_BaseExceptionGroup,
    "BaseExceptionGroup"
);
native_exception!(
    /// Python's builtin `BlockingIOError`.
    PyBlockingIOError,
    PyExc_BlockingIOError,
    "BlockingIOError"
);
native_exception!(
    /// Python's builtin `BrokenPipeError`.
    PyBrokenPipeError,
    PyExc_BrokenPipeError,
    "BrokenPipeError"
);
native_exception!(
    /// Python's builtin `BufferError`.
    PyBufferError,
    PyExc_BufferError,
    "BufferError"
);
native_exception!(
    /// Python's builtin `BytesWarning`.
    PyBytesWarning,
    PyExc_BytesWarning,
    "BytesWarning"
);
native_exception!(
    /// Python's builtin `ChildProcessError`.
    PyChildProcessError,
    PyExc_ChildProcessError,
    "ChildProcessError"
);
native_exception!(
    /// Python's builtin `ConnectionAbortedError`.
    PyConnectionAbortedError,
    PyExc_ConnectionAbortedError,
    "ConnectionAbortedError"
);
native_exception!(
    /// Python's builtin `ConnectionError`.
    PyConnectionError,
    PyExc_ConnectionError,
    "ConnectionError"
);
native_exception!(
    /// Python's builtin `ConnectionRefusedError`.
    PyConnectionRefusedError,
    PyExc_ConnectionRefusedError,
    "ConnectionRefusedError"
);
native_exception!(
    /// Python's builtin `ConnectionResetError`.
    PyConnectionResetError,
    PyExc_ConnectionResetError,
    "ConnectionResetError"
);
native_exception!(
    /// Python's builtin `DeprecationWarning`.
    PyDeprecationWarning,
    PyExc_DeprecationWarning,
    "DeprecationWarning"
);
native_exception!(
    /// Python's builtin `EOFError`.
    PyEOFError,
    PyExc_EOFError,
    "EOFError"
);
#[cfg(all(Py_3_10, not(PyPy)))]
native_exception!(
    /// Python's builtin `EncodingWarning`.
    PyEncodingWarning,
    PyExc_EncodingWarning,
    "EncodingWarning"
);
native_exception!(
    /// Python's builtin `Exception`.
    PyException,
    PyExc_Exception,
    "Exception"
);
native_exception!(
    /// Python's builtin `FileExistsError`.
    PyFileExistsError,
    PyExc_FileExistsError,
    "FileExistsError"
);
native_exception!(
    /// Python's builtin `FileNotFoundError`.
    PyFileNotFoundError,
    PyExc_FileNotFoundError,
    "FileNotFoundError"
);
native_exception!(
    /// Python's builtin `FloatingPointError`.
    PyFloatingPointError,
    PyExc_FloatingPointError,
    "FloatingPointError"
);
native_exception!(
    /// Python's builtin `FutureWarning`.
    PyFutureWarning,
    PyExc_FutureWarning,
    "FutureWarning"
);
native_exception!(
    /// Python's builtin `GeneratorExit`.
    PyGeneratorExit,
    PyExc_GeneratorExit,
    "GeneratorExit"
);
native_exception!(
    /// Python's builtin `ImportError`.
    PyImportError,
    PyExc_ImportError,
    "ImportError"
);
native_exception!(
    /// Python's builtin `ImportWarning`.
    PyImportWarning,
    PyExc_ImportWarning,
    "ImportWarning"
);
native_exception!(
    /// Python's builtin `IndentationError`.
    PyIndentationError,
    PyExc_IndentationError,
    "IndentationError"
);
native_exception!(
    /// Python's builtin `IndexError`.
    PyIndexError,
    PyExc_IndexError,
    "IndexError"
);
native_exception!(
    /// Python's builtin `InterruptedError`.
    PyInterruptedError,
    PyExc_InterruptedError,
    "InterruptedError"
);
native_exception!(
    /// Python's builtin `IsADirectoryError`.
    PyIsADirectoryError,
    PyExc_IsADirectoryError,
    "IsADirectoryError"
);
native_exception!(
    /// Python's builtin `KeyError`.
    PyKeyError,
    PyExc_KeyError,
    "KeyError"
);
native_exception!(
    /// Python's builtin `KeyboardInterrupt`.
    PyKeyboardInterrupt,
    PyExc_KeyboardInterrupt,
    "KeyboardInterrupt"
);
native_exception!(
    /// Python's builtin `LookupError`.
    PyLookupError,
    PyExc_LookupError,
    "LookupError"
);
native_exception!(
    /// Python's builtin `MemoryError`.
    PyMemoryError,
    PyExc_MemoryError,
    "MemoryError"
);
native_exception!(
    /// Python's builtin `ModuleNotFoundError`.
    PyModuleNotFoundError,
    PyExc_ModuleNotFoundError,
    "ModuleNotFoundError"
);
native_exception!(
    /// Python's builtin `NameError`.
    PyNameError,
    PyExc_NameError,
    "NameError"
);
native_exception!(
    /// Python's builtin `NotADirectoryError`.
    PyNotADirectoryError,
    PyExc_NotADirectoryError,
    "NotADirectoryError"
);
native_exception!(
    /// Python's builtin `NotImplementedError`.
    PyNotImplementedError,
    PyExc_NotImplementedError,
    "NotImplementedError"
);
native_exception!(
    /// Python's builtin `OSError`.
    PyOSError,
    PyExc_OSError,
    "OSError"
);
native_exception!(
    /// Python's builtin `OverflowError`.
    PyOverflowError,
    PyExc_OverflowError,
    "OverflowError"
);
native_exception!(
    /// Python's builtin `PendingDeprecationWarning`.
    PyPendingDeprecationWarning,
    PyExc_PendingDeprecationWarning,
    "PendingDeprecationWarning"
);
native_exception!(
    /// Python's builtin `PermissionError`.
    PyPermissionError,
    PyExc_PermissionError,
    "PermissionError"
);
native_exception!(
    /// Python's builtin `ProcessLookupError`.
    PyProcessLookupError,
    PyExc_ProcessLookupError,
    "ProcessLookupError"
);
#[cfg(all(Py_3_13, not(PyPy), not(Py_LIMITED_API)))]
native_exception!(
    /// Python's builtin `PythonFinalizationError`.
    PyPythonFinalizationError,
    PyExc_PythonFinalizationError,
    "PythonFinalizationError"
);
native_exception!(
    /// Python's builtin `RecursionError`.
    PyRecursionError,
    PyExc_RecursionError,
    "RecursionError"
);
native_exception!(
    /// Python's builtin `ReferenceError`.
    PyReferenceError,
    PyExc_ReferenceError,
    "ReferenceError"
);
native_exception!(
    /// Python's builtin `ResourceWarning`.
    PyResourceWarning,
    PyExc_ResourceWarning,
    "ResourceWarning"
);
native_exception!(
    /// Python's builtin `RuntimeError`.
    PyRuntimeError,
    PyExc_RuntimeError,
    "RuntimeError"
);
native_exception!(
    /// Python's builtin `RuntimeWarning`.
    PyRuntimeWarning,
    PyExc_RuntimeWarning,
    "RuntimeWarning"
);
native_exception!(
    /// Python's builtin `StopAsyncIteration`.
    PyStopAsyncIteration,
    PyExc_StopAsyncIteration,
    "StopAsyncIteration"
);
native_exception!(
    /// Python's builtin `StopIteration`.
    PyStopIteration,
    PyExc_StopIteration,
    "StopIteration"
);
native_exception!(
    /// Python's builtin `SyntaxError`.
    PySyntaxError,
    PyExc_SyntaxError,
    "SyntaxError"
);
native_exception!(
    /// Python's builtin `SyntaxWarning`.
    PySyntaxWarning,
    PyExc_SyntaxWarning,
    "SyntaxWarning"
);
native_exception!(
    /// Python's builtin `SystemError`.
    PySystemError,
    PyExc_SystemError,
    "SystemError"
);
native_exception!(
    /// Python's builtin `SystemExit`.
    PySystemExit,
    PyExc_SystemExit,
    "SystemExit"
);
native_exception!(
    /// Python's builtin `TabError`.
    PyTabError,
    PyExc_TabError,
    "TabError"
);
native_exception!(
    /// Python's builtin `TimeoutError`.
    PyTimeoutError,
    PyExc_TimeoutError,
    "TimeoutError"
);
native_exception!(
    /// Python's builtin `TypeError`.
    PyTypeError,
    PyExc_TypeError,
    "TypeError"
);
native_exception!(
    /// Python's builtin `UnboundLocalError`.
    PyUnboundLocalError,
    PyExc_UnboundLocalError,
    "UnboundLocalError"
);
native_exception!(
    /// Python's builtin `UnicodeDecodeError`.
    PyUnicodeDecodeError,
    PyExc_UnicodeDecodeError,
    "UnicodeDecodeError"
);
native_exception!(
    /// Python's builtin `UnicodeEncodeError`.
    PyUnicodeEncodeError,
    PyExc_UnicodeEncodeError,
    "UnicodeEncodeError"
);
native_exception!(
    /// Python's builtin `UnicodeError`.
    PyUnicodeError,
    PyExc_UnicodeError,
    "UnicodeError"
);
native_exception!(
    /// Python's builtin `UnicodeTranslateError`.
    PyUnicodeTranslateError,
    PyExc_UnicodeTranslateError,
    "UnicodeTranslateError"
);
native_exception!(
    /// Python's builtin `UnicodeWarning`.
    PyUnicodeWarning,
    PyExc_UnicodeWarning,
    "UnicodeWarning"
);
native_exception!(
    /// Python's builtin `UserWarning`.
    PyUserWarning,
    PyExc_UserWarning,
    "UserWarning"
);
native_exception!(
    /// Python's builtin `ValueError`.
    PyValueError,
    PyExc_ValueError,
    "ValueError"
);
native_exception!(
    /// Python's builtin `Warning`.
    PyWarning,
    PyExc_Warning,
    "Warning"
);
native_exception!(
    /// Python's builtin `ZeroDivisionError`.
    PyZeroDivisionError,
    PyExc_ZeroDivisionError,
    "ZeroDivisionError"
);

/// `OSError`'s old name `EnvironmentError`.
pub type PyEnvironmentError = PyOSError;
/// `OSError`'s old name `IOError`.
pub type PyIOError = PyOSError;

mod unicode;
pub(crate) use unicode::utf8_error_range;
