//! [`PyClassSlot`], a `(slot id, entry point)` pair, and the const fns that build one per
//! special method for the class's static slot table, each naming the entry point of
//! `slots_basic`, `slots_ops` or `slots_attr` monomorphised over the macro output's markers.

use super::slots_attr::{self, GetAttrFallback, PyDelSlotImpl, PySetSlotImpl};
use super::slots_basic::*;
use super::slots_ops::{self, PyRepeatImpl, PyTernaryImpl};
use crate::ffi;
use crate::impl_::pyfunction::PyFunctionImpl;
use std::ffi::c_void;
use std::os::raw::c_int;

/// The pseudo slot number of [`PyClassSlot::vectorcall_new`].
pub(crate) const VECTORCALL_NEW: c_int = -1;

/// One entry of a class's slot table.
#[derive(Clone, Copy)]
pub struct PyClassSlot {
    pub(crate) slot: c_int,
    pub(crate) pfunc: *mut c_void,
}

// SAFETY: an immutable pair of a slot number and a `'static` function's address.
unsafe impl Sync for PyClassSlot {}
// SAFETY: as above.
unsafe impl Send for PyClassSlot {}

impl PyClassSlot {
    pub(super) const fn of(slot: u32, pfunc: *mut c_void) -> Self {
        PyClassSlot { slot: slot as c_int, pfunc }
    }

    /// `__new__` (`tp_new`).
    pub const fn tp_new<F: PyClassNewImpl>() -> Self {
        Self::of(ffi::Py_tp_new, tp_new::<F> as *mut c_void)
    }
    /// `#[new]` called through vectorcall, which `Class(...)` uses without building an argument
    /// tuple and dict. Not a `PyType_Slot`: class creation installs it in the type where the
    /// interpreter allows it and the class has no `__init__`, and drops it otherwise.
    pub const fn vectorcall_new<F: PyClassNewImpl>() -> Self {
        #[cfg(not(any(Py_LIMITED_API, PyPy)))]
        let pfunc = vectorcall_new::<F> as *mut c_void;
        #[cfg(any(Py_LIMITED_API, PyPy))]
        let pfunc = std::ptr::null_mut();
        PyClassSlot { slot: VECTORCALL_NEW, pfunc }
    }
    /// `__repr__` (`tp_repr`).
    pub const fn tp_repr<F: PyUnaryImpl>() -> Self {
        Self::of(ffi::Py_tp_repr, unary::<F> as *mut c_void)
    }
    /// `__str__` (`tp_str`).
    pub const fn tp_str<F: PyUnaryImpl>() -> Self {
        Self::of(ffi::Py_tp_str, unary::<F> as *mut c_void)
    }
    /// `__iter__` (`tp_iter`).
    pub const fn tp_iter<F: PyUnaryImpl>() -> Self {
        Self::of(ffi::Py_tp_iter, unary::<F> as *mut c_void)
    }
    /// `__next__` (`tp_iternext`).
    pub const fn tp_iternext<F: PyIterNextImpl>() -> Self {
        Self::of(ffi::Py_tp_iternext, iternext::<F> as *mut c_void)
    }
    /// `__hash__` (`tp_hash`).
    pub const fn tp_hash<F: PyHashImpl>() -> Self {
        Self::of(ffi::Py_tp_hash, hash::<F> as *mut c_void)
    }
    /// `__richcmp__` (`tp_richcompare`).
    pub const fn tp_richcompare<F: PyRichCompareImpl>() -> Self {
        Self::of(ffi::Py_tp_richcompare, richcompare::<F> as *mut c_void)
    }
    /// `__call__` (`tp_call`), a method body taking `*args, **kwargs` as a tuple and a dict.
    pub const fn tp_call<F: PyFunctionImpl>() -> Self {
        Self::of(ffi::Py_tp_call, crate::impl_::pyfunction::varargs::<F> as *mut c_void)
    }
    /// `__len__` for `len()` on mappings (`mp_length`); give `sq_length` too.
    pub const fn mp_length<F: PyLenImpl>() -> Self {
        Self::of(ffi::Py_mp_length, len::<F> as *mut c_void)
    }
    /// `__len__` for sequences (`sq_length`).
    pub const fn sq_length<F: PyLenImpl>() -> Self {
        Self::of(ffi::Py_sq_length, len::<F> as *mut c_void)
    }
    /// `__contains__` (`sq_contains`).
    pub const fn sq_contains<F: PyContainsImpl>() -> Self {
        Self::of(ffi::Py_sq_contains, contains::<F> as *mut c_void)
    }
    /// `__getitem__` (`mp_subscript`).
    pub const fn mp_subscript<F: PyBinaryImpl>() -> Self {
        Self::of(ffi::Py_mp_subscript, binary::<F> as *mut c_void)
    }
    /// `__int__` (`nb_int`).
    pub const fn nb_int<F: PyUnaryImpl>() -> Self {
        Self::of(ffi::Py_nb_int, unary::<F> as *mut c_void)
    }
    /// `__index__` (`nb_index`).
    pub const fn nb_index<F: PyUnaryImpl>() -> Self {
        Self::of(ffi::Py_nb_index, unary::<F> as *mut c_void)
    }
    /// `__bool__` (`nb_bool`).
    pub const fn nb_bool<F: PyInquiryImpl>() -> Self {
        Self::of(ffi::Py_nb_bool, inquiry::<F> as *mut c_void)
    }
    /// `__traverse__` (`tp_traverse`); makes the class a GC type.
    pub const fn tp_traverse<F: PyTraverseImpl>() -> Self {
        Self::of(ffi::Py_tp_traverse, super::gc::tp_traverse::<F> as *mut c_void)
    }
    /// `__clear__` (`tp_clear`).
    pub const fn tp_clear<F: PyClearImpl>() -> Self {
        Self::of(ffi::Py_tp_clear, clear::<F> as *mut c_void)
    }

    /// `__anext__` (`am_anext`): `None` raises `StopAsyncIteration`.
    pub const fn am_anext<F: PyIterNextImpl>() -> Self {
        Self::of(ffi::Py_am_anext, slots_attr::anext::<F> as *mut c_void)
    }
    /// `__init__` (`tp_init`), a method body taking the call's arguments.
    pub const fn tp_init<F: PyFunctionImpl>() -> Self {
        Self::of(ffi::Py_tp_init, slots_attr::init::<F> as *mut c_void)
    }
    /// `__getattribute__`/`__getattr__` (`tp_getattro`).
    pub const fn tp_getattro<GA: PyBinaryImpl, G: GetAttrFallback>() -> Self {
        Self::of(ffi::Py_tp_getattro, slots_attr::getattro::<GA, G> as *mut c_void)
    }
    /// `__setattr__`/`__delattr__` (`tp_setattro`).
    pub const fn tp_setattro<S: PySetSlotImpl, D: PyDelSlotImpl>() -> Self {
        let f = slots_attr::set_or_del::<S, D, { slots_attr::ATTR }>;
        Self::of(ffi::Py_tp_setattro, f as *mut c_void)
    }
    /// `__setitem__`/`__delitem__` (`mp_ass_subscript`).
    pub const fn mp_ass_subscript<S: PySetSlotImpl, D: PyDelSlotImpl>() -> Self {
        let f = slots_attr::set_or_del::<S, D, { slots_attr::ITEM }>;
        Self::of(ffi::Py_mp_ass_subscript, f as *mut c_void)
    }
    /// `__set__`/`__delete__` (`tp_descr_set`).
    pub const fn tp_descr_set<S: PySetSlotImpl, D: PyDelSlotImpl>() -> Self {
        let f = slots_attr::set_or_del::<S, D, { slots_attr::DESCR }>;
        Self::of(ffi::Py_tp_descr_set, f as *mut c_void)
    }
    /// `__get__` (`tp_descr_get`); a missing instance or owner is `None`.
    pub const fn tp_descr_get<F: PyTernaryImpl>() -> Self {
        Self::of(ffi::Py_tp_descr_get, slots_ops::ternary::<F> as *mut c_void)
    }
    /// `__pow__`/`__rpow__` (`nb_power`).
    pub const fn nb_power<L: PyTernaryImpl, R: PyTernaryImpl>() -> Self {
        Self::of(ffi::Py_nb_power, slots_ops::ternary_op::<L, R> as *mut c_void)
    }
    /// `__ipow__` (`nb_inplace_power`).
    pub const fn nb_inplace_power<F: PyTernaryImpl>() -> Self {
        Self::of(ffi::Py_nb_inplace_power, slots_ops::ternary::<F> as *mut c_void)
    }
    /// `__repeat__` (`sq_repeat`).
    pub const fn sq_repeat<F: PyRepeatImpl>() -> Self {
        Self::of(ffi::Py_sq_repeat, slots_ops::repeat::<F> as *mut c_void)
    }
    /// `__inplace_repeat__` (`sq_inplace_repeat`).
    pub const fn sq_inplace_repeat<F: PyRepeatImpl>() -> Self {
        Self::of(ffi::Py_sq_inplace_repeat, slots_ops::repeat::<F> as *mut c_void)
    }
}

/// Const fns for slots whose entry point is `unary::<F>` or `binary::<F>`.
macro_rules! simple_slots {
    ($($entry:ident $trait_:ident { $($(#[$doc:meta])* $name:ident => $id:ident;)* })*) => {
        impl PyClassSlot {$($(
            $(#[$doc])*
            pub const fn $name<F: $trait_>() -> Self {
                Self::of(ffi::$id, $entry::<F> as *mut c_void)
            }
        )*)*}
    };
}

simple_slots! {
    unary PyUnaryImpl {
        /// `__float__` (`nb_float`).
        nb_float => Py_nb_float;
        /// `__neg__` (`nb_negative`).
        nb_negative => Py_nb_negative;
        /// `__pos__` (`nb_positive`).
        nb_positive => Py_nb_positive;
        /// `__abs__` (`nb_absolute`).
        nb_absolute => Py_nb_absolute;
        /// `__invert__` (`nb_invert`).
        nb_invert => Py_nb_invert;
        /// `__await__` (`am_await`).
        am_await => Py_am_await;
        /// `__aiter__` (`am_aiter`).
        am_aiter => Py_am_aiter;
    }
    binary PyBinaryImpl {
        /// `__concat__` (`sq_concat`).
        sq_concat => Py_sq_concat;
        /// `__inplace_concat__` (`sq_inplace_concat`).
        sq_inplace_concat => Py_sq_inplace_concat;
        /// `__iadd__` (`nb_inplace_add`).
        nb_inplace_add => Py_nb_inplace_add;
        /// `__isub__` (`nb_inplace_subtract`).
        nb_inplace_subtract => Py_nb_inplace_subtract;
        /// `__imul__` (`nb_inplace_multiply`).
        nb_inplace_multiply => Py_nb_inplace_multiply;
        /// `__imatmul__` (`nb_inplace_matrix_multiply`).
        nb_inplace_matrix_multiply => Py_nb_inplace_matrix_multiply;
        /// `__itruediv__` (`nb_inplace_true_divide`).
        nb_inplace_true_divide => Py_nb_inplace_true_divide;
        /// `__ifloordiv__` (`nb_inplace_floor_divide`).
        nb_inplace_floor_divide => Py_nb_inplace_floor_divide;
        /// `__imod__` (`nb_inplace_remainder`).
        nb_inplace_remainder => Py_nb_inplace_remainder;
        /// `__ilshift__` (`nb_inplace_lshift`).
        nb_inplace_lshift => Py_nb_inplace_lshift;
        /// `__irshift__` (`nb_inplace_rshift`).
        nb_inplace_rshift => Py_nb_inplace_rshift;
        /// `__iand__` (`nb_inplace_and`).
        nb_inplace_and => Py_nb_inplace_and;
        /// `__ixor__` (`nb_inplace_xor`).
        nb_inplace_xor => Py_nb_inplace_xor;
        /// `__ior__` (`nb_inplace_or`).
        nb_inplace_or => Py_nb_inplace_or;
    }
}

/// Const fns for binary operators: the method (`L`) and its reflected twin (`R`), either
/// [`NotImplementedOp`](super::NotImplementedOp) when the class lacks it.
macro_rules! binary_ops {
    ($($(#[$doc:meta])* $name:ident => $id:ident;)*) => {
        impl PyClassSlot {$(
            $(#[$doc])*
            pub const fn $name<L: PyBinaryImpl, R: PyBinaryImpl>() -> Self {
                Self::of(ffi::$id, slots_ops::binary_op::<L, R> as *mut c_void)
            }
        )*}
    };
}

binary_ops! {
    /// `__add__`/`__radd__` (`nb_add`).
    nb_add => Py_nb_add;
    /// `__sub__`/`__rsub__` (`nb_subtract`).
    nb_subtract => Py_nb_subtract;
    /// `__mul__`/`__rmul__` (`nb_multiply`).
    nb_multiply => Py_nb_multiply;
    /// `__matmul__`/`__rmatmul__` (`nb_matrix_multiply`).
    nb_matrix_multiply => Py_nb_matrix_multiply;
    /// `__truediv__`/`__rtruediv__` (`nb_true_divide`).
    nb_true_divide => Py_nb_true_divide;
    /// `__floordiv__`/`__rfloordiv__` (`nb_floor_divide`).
    nb_floor_divide => Py_nb_floor_divide;
    /// `__mod__`/`__rmod__` (`nb_remainder`).
    nb_remainder => Py_nb_remainder;
    /// `__divmod__`/`__rdivmod__` (`nb_divmod`).
    nb_divmod => Py_nb_divmod;
    /// `__lshift__`/`__rlshift__` (`nb_lshift`).
    nb_lshift => Py_nb_lshift;
    /// `__rshift__`/`__rrshift__` (`nb_rshift`).
    nb_rshift => Py_nb_rshift;
    /// `__and__`/`__rand__` (`nb_and`).
    nb_and => Py_nb_and;
    /// `__xor__`/`__rxor__` (`nb_xor`).
    nb_xor => Py_nb_xor;
    /// `__or__`/`__ror__` (`nb_or`).
    nb_or => Py_nb_or;
}
