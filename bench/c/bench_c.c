/* bench_c: the benchmark module in hand-written C, in the fastest idiomatic form of the CPython
 * API (METH_NOARGS, METH_O, METH_FASTCALL[|METH_KEYWORDS], a static type with tp_methods and
 * tp_getset). The twin of the Rust files in bench/common/; `cargo xtask bench` compiles it with the C compiler
 * against the interpreter's headers (-O3). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdio.h>

#if PY_VERSION_HEX < 0x030A0000
static inline PyObject *Py_NewRef(PyObject *o) {
    Py_INCREF(o);
    return o;
}
#endif

static PyObject *str_a, *str_b, *str_c, *str_counter, *str_x, *str_y;

static PyObject *noop(PyObject *m, PyObject *unused) { Py_RETURN_NONE; }

static PyObject *identity(PyObject *m, PyObject *x) { return Py_NewRef(x); }

static long long wrap_add(long long a, long long b) {
    return (long long)((unsigned long long)a + (unsigned long long)b);
}

static PyObject *add(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "add() takes 2 positional arguments but %zd were given", nargs);
        return NULL;
    }
    long long a = PyLong_AsLongLong(args[0]);
    if (a == -1 && PyErr_Occurred()) return NULL;
    long long b = PyLong_AsLongLong(args[1]);
    if (b == -1 && PyErr_Occurred()) return NULL;
    return PyLong_FromLongLong(wrap_add(a, b));
}

/* Which of a, b, c `name` is (0, 1, 2), or -1. Interned names compare by pointer first. */
static int kw_index(PyObject *name) {
    if (name == str_a) return 0;
    if (name == str_b) return 1;
    if (name == str_c) return 2;
    if (PyUnicode_Check(name)) {
        if (PyUnicode_Compare(name, str_a) == 0) return 0;
        if (PyUnicode_Compare(name, str_b) == 0) return 1;
        if (PyUnicode_Compare(name, str_c) == 0) return 2;
    }
    return -1;
}

/* kw(a, b=1, *, c=2) -> a + b + c */
static PyObject *kw(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
    PyObject *slot[3] = {NULL, NULL, NULL};
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "kw() takes from 1 to 2 positional arguments but %zd were given", nargs);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) slot[i] = args[i];
    if (kwnames != NULL) {
        Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames);
        for (Py_ssize_t i = 0; i < nkw; i++) {
            PyObject *name = PyTuple_GET_ITEM(kwnames, i);
            int k = kw_index(name);
            if (k < 0) {
                PyErr_Format(PyExc_TypeError, "kw() got an unexpected keyword argument '%U'", name);
                return NULL;
            }
            if (slot[k] != NULL) {
                PyErr_Format(PyExc_TypeError, "kw() got multiple values for argument '%U'", name);
                return NULL;
            }
            slot[k] = args[nargs + i];
        }
    }
    if (slot[0] == NULL) {
        PyErr_SetString(PyExc_TypeError, "kw() missing 1 required positional argument: 'a'");
        return NULL;
    }
    long long v[3] = {0, 1, 2};
    for (int i = 0; i < 3; i++) {
        if (slot[i] == NULL) continue;
        v[i] = PyLong_AsLongLong(slot[i]);
        if (v[i] == -1 && PyErr_Occurred()) return NULL;
    }
    return PyLong_FromLongLong(wrap_add(wrap_add(v[0], v[1]), v[2]));
}

static PyObject *sum_list(PyObject *m, PyObject *values) {
    if (PyUnicode_Check(values)) {
        PyErr_SetString(PyExc_TypeError, "Can't extract `str` to `Vec`");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(values, "sum_list() argument must be a sequence");
    if (seq == NULL) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    long long total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        long long v = PyLong_AsLongLong(items[i]);
        if (v == -1 && PyErr_Occurred()) {
            Py_DECREF(seq);
            return NULL;
        }
        total = wrap_add(total, v);
    }
    Py_DECREF(seq);
    return PyLong_FromLongLong(total);
}

static PyObject *make_list(PyObject *m, PyObject *arg) {
    long long n = PyLong_AsLongLong(arg);
    if (n == -1 && PyErr_Occurred()) return NULL;
    if (n < 0) n = 0;
    PyObject *list = PyList_New((Py_ssize_t)n);
    if (list == NULL) return NULL;
    for (long long i = 0; i < n; i++) {
        PyObject *item = PyLong_FromLongLong(i);
        if (item == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, item);
    }
    return list;
}

static PyObject *str_len(PyObject *m, PyObject *s) {
    if (!PyUnicode_Check(s)) {
        PyErr_Format(PyExc_TypeError, "argument 's': '%s' object cannot be cast as 'str'", Py_TYPE(s)->tp_name);
        return NULL;
    }
    return PyLong_FromSsize_t(PyUnicode_GET_LENGTH(s));
}

static PyObject *concat(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "concat() takes 2 positional arguments but %zd were given", nargs);
        return NULL;
    }
    if (!PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "concat() arguments must be str");
        return NULL;
    }
    return PyUnicode_Concat(args[0], args[1]);
}

static PyObject *make_dict(PyObject *m, PyObject *arg) {
    long long n = PyLong_AsLongLong(arg);
    if (n == -1 && PyErr_Occurred()) return NULL;
    PyObject *dict = PyDict_New();
    if (dict == NULL) return NULL;
    for (long long i = 0; i < n; i++) {
        char buf[24];
        int len = snprintf(buf, sizeof buf, "%lld", i);
        PyObject *key = PyUnicode_FromStringAndSize(buf, len);
        PyObject *value = key ? PyLong_FromLongLong(i) : NULL;
        if (value == NULL || PyDict_SetItem(dict, key, value) < 0) {
            Py_XDECREF(key);
            Py_XDECREF(value);
            Py_DECREF(dict);
            return NULL;
        }
        Py_DECREF(key);
        Py_DECREF(value);
    }
    return dict;
}

static PyObject *raise_value_error(PyObject *m, PyObject *unused) {
    PyErr_SetString(PyExc_ValueError, "bad value");
    return NULL;
}

/* ---- class Counter ---- */

typedef struct {
    PyObject_HEAD
    long long value;
} CounterObject;

static PyObject *Counter_new(PyTypeObject *type, PyObject *args, PyObject *kwargs) {
    long long start;
    if (kwargs == NULL && PyTuple_GET_SIZE(args) == 1) {
        start = PyLong_AsLongLong(PyTuple_GET_ITEM(args, 0));
        if (start == -1 && PyErr_Occurred()) return NULL;
    } else {
        static char *names[] = {"start", NULL};
        if (!PyArg_ParseTupleAndKeywords(args, kwargs, "L:Counter", names, &start)) return NULL;
    }
    CounterObject *self = (CounterObject *)type->tp_alloc(type, 0);
    if (self == NULL) return NULL;
    self->value = start;
    return (PyObject *)self;
}

static PyObject *Counter_incr(PyObject *self, PyObject *unused) {
    CounterObject *c = (CounterObject *)self;
    c->value = wrap_add(c->value, 1);
    return PyLong_FromLongLong(c->value);
}

static PyObject *Counter_snapshot(PyObject *self, PyObject *unused) {
    long long v = ((CounterObject *)self)->value;
    PyObject *tuple = PyTuple_New(3);
    if (tuple == NULL) return NULL;
    PyObject *a = PyLong_FromLongLong(v);
    PyObject *b = PyFloat_FromDouble((double)v / 2.0);
    if (a == NULL || b == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        Py_DECREF(tuple);
        return NULL;
    }
    PyTuple_SET_ITEM(tuple, 0, a);
    PyTuple_SET_ITEM(tuple, 1, b);
    PyTuple_SET_ITEM(tuple, 2, Py_NewRef(str_counter));
    return tuple;
}

static PyObject *Counter_get_value(PyObject *self, void *closure) {
    return PyLong_FromLongLong(((CounterObject *)self)->value);
}

static int Counter_set_value(PyObject *self, PyObject *value, void *closure) {
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "can't delete attribute");
        return -1;
    }
    long long v = PyLong_AsLongLong(value);
    if (v == -1 && PyErr_Occurred()) return -1;
    ((CounterObject *)self)->value = v;
    return 0;
}

static PyMethodDef Counter_methods[] = {
    {"incr", Counter_incr, METH_NOARGS, "Adds one and returns the new value."},
    {"snapshot", Counter_snapshot, METH_NOARGS, "(value, value / 2, 'counter')"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef Counter_getset[] = {
    {"value", Counter_get_value, Counter_set_value, "The current value.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject CounterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bench_c.Counter",
    .tp_basicsize = sizeof(CounterObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A counter.",
    .tp_new = Counter_new,
    .tp_methods = Counter_methods,
    .tp_getset = Counter_getset,
};

/* ---- the operations beyond the seed list (bench/common/extra.rs) ---- */

/* The float attribute `name` of `p`, or -1 with an error set (`*ok` says which). */
static double float_attr(PyObject *p, PyObject *name, int *ok) {
    PyObject *v = PyObject_GetAttr(p, name);
    if (v == NULL) {
        *ok = 0;
        return -1.0;
    }
    double d = PyFloat_AsDouble(v);
    Py_DECREF(v);
    *ok = !(d == -1.0 && PyErr_Occurred());
    return d;
}

static PyObject *norm(PyObject *m, PyObject *p) {
    int ok;
    double x = float_attr(p, str_x, &ok);
    if (!ok) return NULL;
    double y = float_attr(p, str_y, &ok);
    if (!ok) return NULL;
    return PyFloat_FromDouble(sqrt(x * x + y * y));
}

static PyObject *scale(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "scale() takes 2 positional arguments but %zd were given", nargs);
        return NULL;
    }
    double k = PyFloat_AsDouble(args[1]);
    if (k == -1.0 && PyErr_Occurred()) return NULL;
    if (PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "Can't extract `str` to `Vec`");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(args[0], "scale() argument must be a sequence");
    if (seq == NULL) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    PyObject *out = PyList_New(n);
    if (out == NULL) goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        double d = PyFloat_AsDouble(items[i]);
        if (d == -1.0 && PyErr_Occurred()) goto fail;
        PyObject *f = PyFloat_FromDouble(d * k);
        if (f == NULL) goto fail;
        PyList_SET_ITEM(out, i, f);
    }
    Py_DECREF(seq);
    return out;
fail:
    Py_XDECREF(out);
    Py_DECREF(seq);
    return NULL;
}

static PyObject *dict_sum(PyObject *m, PyObject *d) {
    if (!PyDict_Check(d)) {
        PyErr_Format(PyExc_TypeError, "argument 'd': '%s' object cannot be cast as 'dict'", Py_TYPE(d)->tp_name);
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    long long total = 0;
    while (PyDict_Next(d, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "dict_sum() keys must be str");
            return NULL;
        }
        long long v = PyLong_AsLongLong(value);
        if (v == -1 && PyErr_Occurred()) return NULL;
        total = wrap_add(total, v);
    }
    return PyLong_FromLongLong(total);
}

typedef struct {
    PyObject_HEAD
    long long next, end;
} RangeObject;

static PyObject *Range_new(PyTypeObject *type, PyObject *args, PyObject *kwargs) {
    long long n;
    static char *names[] = {"n", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "L:Range", names, &n)) return NULL;
    RangeObject *self = (RangeObject *)type->tp_alloc(type, 0);
    if (self == NULL) return NULL;
    self->next = 0;
    self->end = n;
    return (PyObject *)self;
}

static PyObject *Range_next(PyObject *self) {
    RangeObject *r = (RangeObject *)self;
    if (r->next >= r->end) return NULL;
    return PyLong_FromLongLong(r->next++);
}

static PyTypeObject RangeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bench_c.Range",
    .tp_basicsize = sizeof(RangeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Range(n) iterates over 0 .. n.",
    .tp_new = Range_new,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = Range_next,
};

/* ---- module ---- */

static PyMethodDef module_methods[] = {
    {"noop", noop, METH_NOARGS, NULL},
    {"identity", identity, METH_O, NULL},
    {"add", (PyCFunction)(void (*)(void))add, METH_FASTCALL, NULL},
    {"kw", (PyCFunction)(void (*)(void))kw, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"sum_list", sum_list, METH_O, NULL},
    {"make_list", make_list, METH_O, NULL},
    {"str_len", str_len, METH_O, NULL},
    {"concat", (PyCFunction)(void (*)(void))concat, METH_FASTCALL, NULL},
    {"make_dict", make_dict, METH_O, NULL},
    {"raise_value_error", raise_value_error, METH_NOARGS, NULL},
    {"norm", norm, METH_O, NULL},
    {"scale", (PyCFunction)(void (*)(void))scale, METH_FASTCALL, NULL},
    {"dict_sum", dict_sum, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "bench_c",
    .m_doc = "The benchmark module in hand-written C.",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC PyInit_bench_c(void) {
    str_a = PyUnicode_InternFromString("a");
    str_b = PyUnicode_InternFromString("b");
    str_c = PyUnicode_InternFromString("c");
    str_counter = PyUnicode_InternFromString("counter");
    str_x = PyUnicode_InternFromString("x");
    str_y = PyUnicode_InternFromString("y");
    if (!str_a || !str_b || !str_c || !str_counter || !str_x || !str_y) return NULL;
    if (PyType_Ready(&CounterType) < 0 || PyType_Ready(&RangeType) < 0) return NULL;
    PyObject *m = PyModule_Create(&module_def);
    if (m == NULL) return NULL;
    Py_INCREF(&CounterType);
    if (PyModule_AddObject(m, "Counter", (PyObject *)&CounterType) < 0) {
        Py_DECREF(&CounterType);
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&RangeType);
    if (PyModule_AddObject(m, "Range", (PyObject *)&RangeType) < 0) {
        Py_DECREF(&RangeType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
