//! The native types a `#[pyclass(extends = …)]` may name, each with the interpreter's object
//! struct that a subclass instance embeds first: `object`, every builtin exception, `dict`,
//! `set`, `frozenset`, `float` and `complex` (outside the limited API, where those structs are
//! not public; the collections and numbers not on GraalPy). A class whose native base's `tp_basicsize` differs from the struct's size is
//! refused when its type is created, so a wrong row can never corrupt memory.

use super::PyClassBaseType;
#[cfg(not(Py_LIMITED_API))]
use crate::exceptions::*;
use crate::ffi;
use crate::pyclass::layout::{BorrowFlag, PyClassBaseLayout};
use crate::pyclass::PyNativeTypeInitializer;
use crate::types::PyAny;
#[cfg(not(any(Py_LIMITED_API, GraalPy)))]
use crate::types::{PyComplex, PyDict, PyFloat, PyFrozenSet, PySet};

macro_rules! native_layout {
    ($($(#[$meta:meta])* $ty:ty, $object:expr;)*) => {$(
        $(#[$meta])*
        // SAFETY: a native struct has no class layer.
        unsafe impl PyClassBaseLayout for $ty {
            const NATIVE_IS_OBJECT: bool = $object;
            const NATIVE_SIZE: usize = ::std::mem::size_of::<$ty>();
            const ANY_WEAKREF: bool = false;
            unsafe fn root_flag(_: *mut Self) -> Option<*const BorrowFlag> {
                None
            }
            unsafe fn threads_ok(_: *mut Self) -> bool {
                true
            }
            unsafe fn drop_layers(_: *mut Self) {}
        }
    )*};
}

native_layout! {
    ffi::PyObject, true;
    #[cfg(not(Py_LIMITED_API))]
    ffi::PyBaseExceptionObject, false;
    #[cfg(not(any(Py_LIMITED_API, PyPy)))]
    ffi::PyOSErrorObject, false;
    #[cfg(not(any(Py_LIMITED_API, PyPy)))]
    ffi::PySyntaxErrorObject, false;
    #[cfg(not(any(Py_LIMITED_API, PyPy)))]
    ffi::PyImportErrorObject, false;
    #[cfg(not(any(Py_LIMITED_API, PyPy)))]
    ffi::PyUnicodeErrorObject, false;
    #[cfg(not(any(Py_LIMITED_API, PyPy)))]
    ffi::PySystemExitObject, false;
    #[cfg(not(Py_LIMITED_API))]
    ffi::PyStopIterationObject, false;
    #[cfg(all(Py_3_10, not(any(Py_LIMITED_API, PyPy))))]
    ffi::PyAttributeErrorObject, false;
    #[cfg(all(Py_3_10, not(any(Py_LIMITED_API, PyPy))))]
    ffi::PyNameErrorObject, false;
    #[cfg(all(Py_3_11, not(any(Py_LIMITED_API, PyPy))))]
    ffi::PyBaseExceptionGroupObject, false;
    #[cfg(not(Py_LIMITED_API))]
    ffi::PyDictObject, false;
    #[cfg(not(Py_LIMITED_API))]
    ffi::PySetObject, false;
    #[cfg(not(Py_LIMITED_API))]
    ffi::PyFloatObject, false;
    #[cfg(not(Py_LIMITED_API))]
    ffi::PyComplexObject, false;
}

macro_rules! native_base {
    ($($(#[$meta:meta])* $layout:ty => $($ty:ty),+;)*) => {$(
        native_base!(@group {$(#[$meta])*} $layout => $($ty),+);
    )*};
    (@group $attrs:tt $layout:ty => $($ty:ty),+) => {$(
        native_base!(@one $attrs $layout => $ty);
    )+};
    (@one {$($attr:tt)*} $layout:ty => $ty:ty) => {
        $($attr)*
        // SAFETY: the interpreter's object struct of this type is `$layout`; `create` checks
        // the type's `tp_basicsize` against it before any instance exists.
        unsafe impl PyClassBaseType for $ty {
            type LayoutAsBase = $layout;
            type BaseNativeType = $ty;
            type Initializer = PyNativeTypeInitializer<$ty>;
        }
    };
}

native_base! {
    ffi::PyObject => PyAny;
    #[cfg(not(Py_LIMITED_API))]
    ffi::PyBaseExceptionObject => PyBaseException, PyException, PyArithmeticError,
        PyAssertionError, PyBufferError, PyEOFError, PyFloatingPointError, PyGeneratorExit,
        PyIndexError, PyKeyError, PyKeyboardInterrupt, PyLookupError, PyMemoryError,
        PyNotImplementedError, PyOverflowError, PyRecursionError, PyReferenceError,
        PyRuntimeError, PyStopAsyncIteration, PySystemError, PyTypeError, PyValueError,
        PyZeroDivisionError, PyWarning, PyBytesWarning, PyDeprecationWarning, PyFutureWarning,
        PyImportWarning, PyPendingDeprecationWarning, PyResourceWarning, PyRuntimeWarning,
        PySyntaxWarning, PyUnicodeWarning, PyUserWarning;
    #[cfg(all(Py_3_10, not(any(Py_LIMITED_API, PyPy))))]
    ffi::PyBaseExceptionObject => PyEncodingWarning;
    #[cfg(all(Py_3_13, not(any(Py_LIMITED_API, PyPy))))]
    ffi::PyBaseExceptionObject => PyPythonFinalizationError;
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    ffi::PyOSErrorObject => PyOSError, PyBlockingIOError, PyBrokenPipeError,
        PyChildProcessError, PyConnectionAbortedError, PyConnectionError,
        PyConnectionRefusedError, PyConnectionResetError, PyFileExistsError,
        PyFileNotFoundError, PyInterruptedError, PyIsADirectoryError, PyNotADirectoryError,
        PyPermissionError, PyProcessLookupError, PyTimeoutError;
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    ffi::PySyntaxErrorObject => PySyntaxError, PyIndentationError, PyTabError;
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    ffi::PyImportErrorObject => PyImportError, PyModuleNotFoundError;
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    ffi::PyUnicodeErrorObject => PyUnicodeError, PyUnicodeDecodeError, PyUnicodeEncodeError,
        PyUnicodeTranslateError;
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    ffi::PySystemExitObject => PySystemExit;
    #[cfg(not(any(Py_LIMITED_API, GraalPy)))]
    ffi::PyStopIterationObject => PyStopIteration;
    #[cfg(all(Py_3_10, not(any(Py_LIMITED_API, PyPy, GraalPy))))]
    ffi::PyAttributeErrorObject => PyAttributeError;
    #[cfg(all(Py_3_10, not(any(Py_LIMITED_API, PyPy, GraalPy))))]
    ffi::PyNameErrorObject => PyNameError, PyUnboundLocalError;
    #[cfg(all(not(any(Py_LIMITED_API, GraalPy)), any(not(Py_3_10), PyPy)))]
    ffi::PyBaseExceptionObject => PyAttributeError, PyNameError, PyUnboundLocalError;
    #[cfg(all(Py_3_11, not(any(Py_LIMITED_API, PyPy, GraalPy))))]
    ffi::PyBaseExceptionGroupObject => PyBaseExceptionGroup;
    // PyPy's exceptions (but `StopIteration`) are all a bare `PyBaseExceptionObject` to C.
    #[cfg(PyPy)]
    ffi::PyBaseExceptionObject => PyOSError, PyBlockingIOError, PyBrokenPipeError,
        PyChildProcessError, PyConnectionAbortedError, PyConnectionError,
        PyConnectionRefusedError, PyConnectionResetError, PyFileExistsError,
        PyFileNotFoundError, PyInterruptedError, PyIsADirectoryError, PyNotADirectoryError,
        PyPermissionError, PyProcessLookupError, PyTimeoutError, PySyntaxError,
        PyIndentationError, PyTabError, PyImportError, PyModuleNotFoundError, PyUnicodeError,
        PyUnicodeDecodeError, PyUnicodeEncodeError, PyUnicodeTranslateError, PySystemExit;
    // GraalPy keeps the state of these objects (and of the exceptions with fields of their
    // own: OSError, SyntaxError, StopIteration, …) outside the C struct, so a subclass's fields
    // would not survive; PyO3 forbids `extends = PyDict` there too.
    #[cfg(not(any(Py_LIMITED_API, GraalPy)))]
    ffi::PyDictObject => PyDict;
    #[cfg(not(any(Py_LIMITED_API, GraalPy)))]
    ffi::PySetObject => PySet, PyFrozenSet;
    #[cfg(not(any(Py_LIMITED_API, GraalPy)))]
    ffi::PyFloatObject => PyFloat;
    #[cfg(not(any(Py_LIMITED_API, GraalPy)))]
    ffi::PyComplexObject => PyComplex;
}
