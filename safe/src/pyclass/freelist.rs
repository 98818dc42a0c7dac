//! `#[pyclass(freelist = N)]`: up to `N` freed instances of the class (never of a Python
//! subclass) are kept and handed out again by `tp_alloc`, skipping the allocator. Used only
//! where it is sound and simple: classes that are not garbage-collected, with `object` as
//! native base, on builds with a GIL (CPython; PyPy's objects are not freed through `tp_free`).

use super::layout::PyClassObject;
use crate::ffi;
use crate::impl_::pyclass::PyClassImpl;
use crate::type_object::PyTypeInfo;
use std::sync::Mutex;

/// The kept instances of one class (a `static` in the `#[pyclass]` output).
pub struct FreeList {
    kept: Mutex<Vec<Kept>>,
    capacity: usize,
}

/// A freed instance's memory, owned by the list.
struct Kept(*mut ffi::PyObject);

// SAFETY: the memory is owned by the list alone (no object lives in it), and the list is only
// used attached.
unsafe impl Send for Kept {}

impl FreeList {
    /// An empty list keeping at most `capacity` instances.
    pub const fn new(capacity: usize) -> Self {
        FreeList { kept: Mutex::new(Vec::new()), capacity }
    }

    fn pop(&self) -> Option<*mut ffi::PyObject> {
        self.kept.lock().unwrap_or_else(|e| e.into_inner()).pop().map(|k| k.0)
    }

    /// Keeps `obj`'s memory if there is room.
    fn push(&self, obj: *mut ffi::PyObject) -> bool {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        if kept.len() < self.capacity {
            kept.push(Kept(obj));
            true
        } else {
            false
        }
    }
}

/// Whether class `T` uses its free list (see the module's description).
pub(crate) fn applies<T: PyClassImpl>(has_traverse: bool) -> bool {
    use crate::impl_::pyclass::{PyClassBaseLayout, PyClassBaseType};
    let native_object =
        <<T::BaseType as PyClassBaseType>::LayoutAsBase as PyClassBaseLayout>::NATIVE_IS_OBJECT;
    cfg!(not(any(PyPy, Py_GIL_DISABLED)))
        && T::freelist().is_some()
        && native_object
        && !has_traverse
}

/// `tp_alloc` of a class with a free list.
///
/// # Safety
/// Called by the interpreter, attached, with a subtype of `T`.
pub(crate) unsafe extern "C" fn alloc<T: PyClassImpl>(
    subtype: *mut ffi::PyTypeObject,
    nitems: ffi::Py_ssize_t,
) -> *mut ffi::PyObject {
    // SAFETY: attached per the contract; a kept block is `T`'s basic size, owned by the list,
    // and is zeroed and initialised as a new object of `T`'s exact type before it is returned
    // (`PyObject_Init` sets the type, a reference count of one, and takes a reference to the
    // heap type, as `PyType_GenericAlloc` does).
    unsafe {
        let py = crate::Python::assume_attached();
        if nitems == 0 && subtype == T::type_object_raw(py) {
            if let Some(obj) = T::freelist().and_then(FreeList::pop) {
                std::ptr::write_bytes(obj.cast::<u8>(), 0, std::mem::size_of::<PyClassObject<T>>());
                return ffi::PyObject_Init(obj, subtype);
            }
        }
        ffi::PyType_GenericAlloc(subtype, nitems)
    }
}

/// `tp_free` of a class with a free list: an instance of `T` itself is kept if there is room.
///
/// # Safety
/// Called from `tp_dealloc`, attached, with the memory of a dead instance of `T` or a subclass.
pub(crate) unsafe extern "C" fn free<T: PyClassImpl>(obj: *mut std::ffi::c_void) {
    // SAFETY: attached per the contract; the object is dead, so its memory is ours to keep or
    // release; the type is read before anything else happens to it (`tp_dealloc` releases the
    // type reference after `tp_free`).
    unsafe {
        let obj = obj.cast::<ffi::PyObject>();
        let py = crate::Python::assume_attached();
        let ty = ffi::Py_TYPE(obj);
        if ty == T::type_object_raw(py) && T::freelist().is_some_and(|l| l.push(obj)) {
            return;
        }
        if ffi::PyType_GetFlags(ty) as u64 & ffi::Py_TPFLAGS_HAVE_GC as u64 != 0 {
            ffi::PyObject_GC_Del(obj.cast());
        } else {
            ffi::PyObject_Free(obj.cast());
        }
    }
}
