/* The one header bindgen sees for CPython (see xtask/src/bindgen/profile.rs). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <datetime.h>
