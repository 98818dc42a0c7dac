/* C reference implementations for tests/tests/inline.rs: each function evaluates one CPython
 * macro or static inline function with the real headers of the interpreter the tests build for,
 * so the Rust versions in pyroxide-sys-cpython/src/inline.rs can be compared against them. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

Py_ssize_t c_Py_REFCNT(PyObject *o) { return Py_REFCNT(o); }
PyTypeObject *c_Py_TYPE(PyObject *o) { return Py_TYPE(o); }
Py_ssize_t c_Py_SIZE(PyObject *o) { return Py_SIZE(o); }
int c_Py_IS_TYPE(PyObject *o, PyTypeObject *t) { return Py_IS_TYPE(o, t); }

#if PY_VERSION_HEX >= 0x030A0000
int c_Py_Is(PyObject *x, PyObject *y) { return Py_Is(x, y); }
PyObject *c_Py_NewRef(PyObject *o) { return Py_NewRef(o); }
PyObject *c_Py_XNewRef(PyObject *o) { return Py_XNewRef(o); }
#else
/* 3.9 has neither Py_Is nor Py_NewRef: the 3.10 definitions. */
int c_Py_Is(PyObject *x, PyObject *y) { return x == y; }
PyObject *c_Py_NewRef(PyObject *o) { Py_INCREF(o); return o; }
PyObject *c_Py_XNewRef(PyObject *o) { Py_XINCREF(o); return o; }
#endif

void c_Py_INCREF(PyObject *o) { Py_INCREF(o); }
void c_Py_DECREF(PyObject *o) { Py_DECREF(o); }
void c_Py_XINCREF(PyObject *o) { Py_XINCREF(o); }
void c_Py_XDECREF(PyObject *o) { Py_XDECREF(o); }

/* 1 if the build counts references globally (Py_REF_DEBUG), with the total in *total. */
int c_ref_total(Py_ssize_t *total)
{
#ifdef Py_REF_DEBUG
    *total = _Py_GetRefTotal();
    return 1;
#else
    *total = 0;
    return 0;
#endif
}

/* -1 before 3.12, which has no immortal objects. */
int c__Py_IsImmortal(PyObject *o)
{
#if PY_VERSION_HEX >= 0x030C0000
    return _Py_IsImmortal(o);
#else
    (void)o;
    return -1;
#endif
}

#ifdef Py_GIL_DISABLED
uintptr_t c__Py_ThreadId(void) { return _Py_ThreadId(); }
int c__Py_IsOwnedByCurrentThread(PyObject *o) { return _Py_IsOwnedByCurrentThread(o); }
#endif

PyObject *c_Py_None(void) { return Py_None; }
PyObject *c_Py_True(void) { return Py_True; }
PyObject *c_Py_False(void) { return Py_False; }

int c_PyType_HasFeature(PyTypeObject *t, unsigned long f) { return PyType_HasFeature(t, f); }

#define CHECKS(name) \
    int c_##name##_Check(PyObject *o) { return name##_Check(o); } \
    int c_##name##_CheckExact(PyObject *o) { return name##_CheckExact(o); }
CHECKS(PyLong)
CHECKS(PyUnicode)
CHECKS(PyTuple)
CHECKS(PyList)
CHECKS(PyDict)
CHECKS(PyBytes)
CHECKS(PyType)

Py_ssize_t c_PyTuple_GET_SIZE(PyObject *o) { return PyTuple_GET_SIZE(o); }
PyObject *c_PyTuple_GET_ITEM(PyObject *o, Py_ssize_t i) { return PyTuple_GET_ITEM(o, i); }
void c_PyTuple_SET_ITEM(PyObject *o, Py_ssize_t i, PyObject *v) { PyTuple_SET_ITEM(o, i, v); }
Py_ssize_t c_PyList_GET_SIZE(PyObject *o) { return PyList_GET_SIZE(o); }
PyObject *c_PyList_GET_ITEM(PyObject *o, Py_ssize_t i) { return PyList_GET_ITEM(o, i); }
void c_PyList_SET_ITEM(PyObject *o, Py_ssize_t i, PyObject *v) { PyList_SET_ITEM(o, i, v); }
Py_ssize_t c_PyUnicode_GET_LENGTH(PyObject *o) { return PyUnicode_GET_LENGTH(o); }
int c_PyUnicode_IS_COMPACT(PyObject *o) { return PyUnicode_IS_COMPACT(o); }
int c_PyUnicode_IS_COMPACT_ASCII(PyObject *o) { return PyUnicode_IS_COMPACT_ASCII(o); }
void *c_PyUnicode_DATA(PyObject *o) { return PyUnicode_DATA(o); }
double c_PyFloat_AS_DOUBLE(PyObject *o) { return PyFloat_AS_DOUBLE(o); }

/* The compact-int accessors: 3.12+ has them as static inline functions; before, the same
 * property of the older layout (IS_MEDIUM_VALUE / MEDIUM_VALUE of Objects/longobject.c). */
#if PY_VERSION_HEX >= 0x030C0000
int c__PyLong_IsCompact(PyObject *o) { return _PyLong_IsCompact((PyLongObject *)o); }
Py_ssize_t c__PyLong_CompactValue(PyObject *o) { return _PyLong_CompactValue((PyLongObject *)o); }
#else
int c__PyLong_IsCompact(PyObject *o) { return (size_t)(Py_SIZE(o) + 1) < 3; }
Py_ssize_t c__PyLong_CompactValue(PyObject *o)
{
    Py_ssize_t size = Py_SIZE(o);
    return size < 0 ? -(Py_ssize_t)((PyLongObject *)o)->ob_digit[0]
                    : (size == 0 ? 0 : (Py_ssize_t)((PyLongObject *)o)->ob_digit[0]);
}
#endif
