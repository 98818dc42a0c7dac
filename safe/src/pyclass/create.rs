//! Building a class's type object with `PyType_FromSpecWithBases` (available under the limited
//! API too): the spec's name, size and flags from `PyClassImpl`, its slots from the class's item
//! tables, `tp_dealloc`, and the `__dictoffset__`/`__weaklistoffset__` members. The spec and the
//! arrays it points to are leaked: the type lives as long as the process, and some versions
//! keep pointers into the spec.

use super::layout::{tp_dealloc, PyClassDict, PyClassObject, PyClassWeakRef};
use crate::err::{PyErr, PyResult};
use crate::ffi;
use crate::impl_::pyclass::{PyClassImpl, PyMethodDefType};
use crate::impl_::trampoline::trampoline;
use crate::instance::{Bound, Py};
use crate::marker::Python;
use crate::type_object::PyTypeInfo;
use crate::types::{PyAnyMethods, PyTuple, PyType};
use std::ffi::{c_void, CString};
use std::os::raw::{c_int, c_uint};

/// Makes class `T`'s type object.
pub(crate) fn create_type_object<T: PyClassImpl>(py: Python<'_>) -> PyResult<Py<PyType>> {
    let mut slots: Vec<ffi::PyType_Slot> = Vec::new();
    let mut methods: Vec<ffi::PyMethodDef> = Vec::new();
    let mut getsets: Vec<ffi::PyGetSetDef> = Vec::new();
    let mut has_new = false;
    let mut vectorcall: Option<*mut c_void> = None;
    let mut has_traverse = false;
    let (mut has_subscript, mut has_ass_subscript, mut has_sq_item) = (false, false, false);
    let mut text_signature = None;
    for items in T::items_iter() {
        text_signature = text_signature.or(items.text_signature);
        for slot in items.slots {
            if slot.slot == crate::impl_::pyclass::VECTORCALL_NEW {
                vectorcall = Some(slot.pfunc).filter(|p| !p.is_null());
                continue;
            }
            has_new |= slot.slot == ffi::Py_tp_new as c_int;
            has_traverse |= slot.slot == ffi::Py_tp_traverse as c_int;
            has_subscript |= slot.slot == ffi::Py_mp_subscript as c_int;
            has_ass_subscript |= slot.slot == ffi::Py_mp_ass_subscript as c_int;
            has_sq_item |= slot.slot == ffi::Py_sq_item as c_int;
            slots.push(ffi::PyType_Slot { slot: slot.slot, pfunc: slot.pfunc });
        }
        for item in items.methods {
            add_method(item, &mut methods, &mut getsets);
        }
    }
    let push = |slots: &mut Vec<ffi::PyType_Slot>, slot: u32, pfunc: *mut c_void| {
        slots.push(ffi::PyType_Slot { slot: slot as c_int, pfunc });
    };
    push(&mut slots, ffi::Py_tp_dealloc, tp_dealloc::<T> as *mut c_void);
    // A class without `#[new]` cannot be instantiated from Python: the interpreter's own flag
    // where it has one (no `__new__` at all, as PyO3 does), a `tp_new` that raises the same
    // `TypeError` elsewhere.
    let disallow_instantiation = !has_new && interpreter_disallows_instantiation(py);
    if !has_new && !disallow_instantiation {
        push(&mut slots, ffi::Py_tp_new, no_constructor_defined as *mut c_void);
    }
    if !T::IS_MAPPING && !has_sq_item {
        if has_subscript {
            push(&mut slots, ffi::Py_sq_item, super::sequence::sq_item as *mut c_void);
        }
        if has_ass_subscript {
            push(&mut slots, ffi::Py_sq_ass_item, super::sequence::sq_ass_item as *mut c_void);
        }
    }
    // A `__dict__` can hold the instance itself: such a class takes part in garbage collection
    // even without `__traverse__`.
    if !has_traverse && <T::Dict as PyClassDict>::PRESENT {
        push(
            &mut slots,
            ffi::Py_tp_traverse,
            crate::impl_::pyclass::gc::dict_traverse::<T> as *mut c_void,
        );
        has_traverse = true;
    }
    if super::freelist::applies::<T>(has_traverse) {
        push(&mut slots, ffi::Py_tp_alloc, super::freelist::alloc::<T> as *mut c_void);
        push(&mut slots, ffi::Py_tp_free, super::freelist::free::<T> as *mut c_void);
    }
    if let Some(doc) = class_doc::<T>(text_signature)? {
        push(&mut slots, ffi::Py_tp_doc, doc.as_ptr() as *mut c_void);
    }
    if !methods.is_empty() {
        methods.push(zeroed_method_def());
        push(&mut slots, ffi::Py_tp_methods, leak(methods).cast());
    }
    if <T::Dict as PyClassDict>::PRESENT {
        // `__dictoffset__` makes attribute storage work; `__dict__` itself needs a descriptor.
        #[cfg(any(not(Py_LIMITED_API), Py_3_10))]
        let (get, set, closure): (ffi::getter, ffi::setter, _) =
            (Some(ffi::PyObject_GenericGetDict), Some(ffi::PyObject_GenericSetDict), 0);
        #[cfg(not(any(not(Py_LIMITED_API), Py_3_10)))]
        let (get, set, closure): (ffi::getter, ffi::setter, _) = (
            Some(limited_dict::get as _),
            Some(limited_dict::set as _),
            PyClassObject::<T>::dict_offset(),
        );
        getsets.push(ffi::PyGetSetDef {
            name: c"__dict__".as_ptr(),
            get,
            set,
            doc: std::ptr::null(),
            closure: closure as *mut c_void,
        });
    }
    if !getsets.is_empty() {
        getsets.push(ffi::PyGetSetDef {
            name: std::ptr::null(),
            get: None,
            set: None,
            doc: std::ptr::null(),
            closure: std::ptr::null_mut(),
        });
        push(&mut slots, ffi::Py_tp_getset, leak(getsets).cast());
    }
    let members = offset_members::<T>();
    if !members.is_empty() {
        push(&mut slots, ffi::Py_tp_members, leak(members).cast());
    }
    slots.push(ffi::PyType_Slot { slot: 0, pfunc: std::ptr::null_mut() });

    let mut flags = ffi::Py_TPFLAGS_DEFAULT;
    if T::IS_BASETYPE {
        flags |= ffi::Py_TPFLAGS_BASETYPE;
    }
    if has_traverse {
        flags |= ffi::Py_TPFLAGS_HAVE_GC;
    }
    #[cfg(all(any(Py_3_10, Py_LIMITED_API), not(any(PyPy, GraalPy))))]
    if disallow_instantiation {
        flags |= ffi::Py_TPFLAGS_DISALLOW_INSTANTIATION;
    }
    #[cfg(Py_3_10)]
    if T::IS_IMMUTABLE_TYPE {
        flags |= ffi::Py_TPFLAGS_IMMUTABLETYPE;
    }
    #[cfg(all(Py_3_10, not(Py_LIMITED_API)))]
    {
        if T::IS_MAPPING {
            flags |= ffi::Py_TPFLAGS_MAPPING;
        }
        if T::IS_SEQUENCE {
            flags |= ffi::Py_TPFLAGS_SEQUENCE;
        }
    }
    let name = match T::MODULE {
        Some(module) => format!("{module}.{}", T::NAME),
        None => format!("builtins.{}", T::NAME),
    };
    let name = CString::new(name)
        .map_err(|_| crate::exceptions::PyValueError::new_err("class name contains NUL"))?;
    let basicsize = std::mem::size_of::<PyClassObject<T>>();
    let spec = ffi::PyType_Spec {
        name: CString::into_raw(name),
        basicsize: c_int::try_from(basicsize)
            .map_err(|_| crate::exceptions::PyOverflowError::new_err("class is too large"))?,
        itemsize: 0,
        flags: flags as c_uint,
        slots: leak(slots),
    };
    #[cfg(not(Py_LIMITED_API))]
    check_native_size::<T>(py)?;
    let base = T::BaseType::type_object(py);
    let bases = PyTuple::new(py, [base])?;
    let spec: &'static mut ffi::PyType_Spec = Box::leak(Box::new(spec));
    // The spec is referenced by nothing once the type is built: its address is kept here so
    // leak checkers (valgrind) see it, and what it points to, as reachable, not as lost.
    static SPECS: std::sync::Mutex<Vec<usize>> = std::sync::Mutex::new(Vec::new());
    SPECS.lock().unwrap_or_else(|e| e.into_inner()).push(spec as *mut ffi::PyType_Spec as usize);
    let ty = crate::ffi::api::type_from_spec_with_bases(py, spec, &bases)?;
    if let Some(vectorcall) = vectorcall {
        install_vectorcall(&ty, vectorcall);
    }
    if let Some(qualname) = T::QUALNAME {
        ty.setattr("__qualname__", qualname)?;
    }
    Ok(ty.unbind())
}

/// Makes `Class(...)` call `#[new]` through vectorcall (CPython outside the limited API, where
/// the type struct is writable) when the class's `__init__` is `object`'s: `type.__call__` would
/// run it after `__new__`, and it does nothing then, so skipping it changes nothing. A class
/// with its own or an inherited `__init__` (a class layer's, `dict`'s, an exception's) keeps
/// `type.__call__`.
#[allow(unused_variables)]
fn install_vectorcall(ty: &Bound<'_, PyType>, vectorcall: *mut c_void) {
    #[cfg(not(any(Py_LIMITED_API, PyPy)))]
    // SAFETY: `ty` was just created and no instance or call exists yet; `vectorcall` is a
    // `vectorcallfunc` (it comes from `PyClassSlot::vectorcall_new`); `type` objects read
    // `tp_vectorcall` through their vectorcall offset, and heap types never inherit it.
    unsafe {
        let raw = ty.as_ptr().cast::<ffi::PyTypeObject>();
        let object = std::ptr::addr_of_mut!(ffi::PyBaseObject_Type);
        // Both are the C function `object.__init__` of the interpreter if inherited.
        let addr = |f: ffi::initproc| f.map(|f| f as usize);
        if addr((*raw).tp_init) == addr((*object).tp_init) {
            (*raw).tp_vectorcall =
                std::mem::transmute::<*mut c_void, ffi::vectorcallfunc>(vectorcall);
        }
    }
}

/// Refuses a class whose native base's instances are not the size of the struct this crate
/// embeds for it (a wrong layout would make the class's fields overlap the base's).
#[cfg(not(Py_LIMITED_API))]
fn check_native_size<T: PyClassImpl>(py: Python<'_>) -> PyResult<()> {
    use crate::impl_::pyclass::{PyClassBaseLayout, PyClassBaseType};
    type Native<T> = <<T as PyClassImpl>::BaseType as PyClassBaseType>::BaseNativeType;
    let native = <Native<T> as PyTypeInfo>::type_object_raw(py);
    // SAFETY: outside the limited API the type struct is readable; `native` is a live static
    // type object.
    let actual = unsafe { (*native).tp_basicsize };
    let expected = <PyClassObject<T> as PyClassBaseLayout>::NATIVE_SIZE;
    if usize::try_from(actual) == Ok(expected) {
        Ok(())
    } else {
        Err(crate::exceptions::PyTypeError::new_err(format!(
            "cannot create class {}: its native base {} has instances of {actual} bytes, not \
             the {expected} bytes Pyroxide embeds for it",
            T::NAME,
            <Native<T> as PyTypeInfo>::NAME,
        )))
    }
}

/// The type's docstring: `T::DOC`, with the text signature of `#[new]` in front unless `DOC`
/// has one (from `#[pyclass(text_signature = ...)]`); `None` if empty. Leaked: the type keeps
/// pointing at it on some versions.
fn class_doc<T: PyClassImpl>(
    text_signature: Option<&'static str>,
) -> PyResult<Option<&'static std::ffi::CStr>> {
    let doc = T::DOC.to_str().unwrap_or("");
    let has_signature = doc.starts_with(&format!("{}(", T::NAME)) && doc.contains(")\n--\n\n");
    match text_signature {
        Some(sig) if !has_signature => {
            let text = CString::new(format!("{}{sig}\n--\n\n{doc}", T::NAME))
                .map_err(|_| crate::exceptions::PyValueError::new_err("docstring contains NUL"))?;
            Ok(Some(Box::leak(text.into_boxed_c_str())))
        }
        _ if T::DOC.to_bytes().is_empty() => Ok(None),
        _ => Ok(Some(T::DOC)),
    }
}

/// Adds one item to the method or getset array (a getter and a setter of the same name share
/// one `PyGetSetDef`); class attributes are set later.
fn add_method(
    item: &'static PyMethodDefType,
    methods: &mut Vec<ffi::PyMethodDef>,
    getsets: &mut Vec<ffi::PyGetSetDef>,
) {
    let with_flag = |def: &'static crate::impl_::pyfunction::PyFunctionDef, flag: u32| {
        let mut def = *def.raw();
        def.ml_flags |= flag as c_int;
        def
    };
    match item {
        PyMethodDefType::Method(def) => methods.push(with_flag(def, 0)),
        PyMethodDefType::ClassMethod(def) => methods.push(with_flag(def, ffi::METH_CLASS)),
        PyMethodDefType::StaticMethod(def) => methods.push(with_flag(def, ffi::METH_STATIC)),
        PyMethodDefType::ClassAttribute(_) => {}
        // An attribute without a doc comment has `__doc__` None, as in PyO3.
        PyMethodDefType::Getter(g) => {
            let entry = getset_entry(getsets, g.name);
            entry.get = g.get;
            if !g.doc.is_empty() {
                entry.doc = g.doc.as_ptr();
            }
        }
        PyMethodDefType::Setter(s) => {
            let entry = getset_entry(getsets, s.name);
            entry.set = s.set;
            if entry.doc.is_null() && !s.doc.is_empty() {
                entry.doc = s.doc.as_ptr();
            }
        }
    }
}

fn getset_entry<'v>(
    getsets: &'v mut Vec<ffi::PyGetSetDef>,
    name: &'static std::ffi::CStr,
) -> &'v mut ffi::PyGetSetDef {
    let pos = getsets.iter().position(|g| g.name == name.as_ptr());
    let i = pos.unwrap_or_else(|| {
        getsets.push(ffi::PyGetSetDef {
            name: name.as_ptr(),
            get: None,
            set: None,
            doc: std::ptr::null(),
            closure: std::ptr::null_mut(),
        });
        getsets.len() - 1
    });
    &mut getsets[i]
}

/// The `__dictoffset__`/`__weaklistoffset__` members (with the terminator), or none.
fn offset_members<T: PyClassImpl>() -> Vec<ffi::PyMemberDef> {
    let member = |name: &'static std::ffi::CStr, offset: usize| ffi::PyMemberDef {
        name: name.as_ptr(),
        type_: ffi::T_PYSSIZET as c_int,
        offset: offset as ffi::Py_ssize_t,
        flags: ffi::READONLY as c_int,
        doc: std::ptr::null(),
    };
    let mut members = Vec::new();
    if <T::Dict as PyClassDict>::PRESENT {
        members.push(member(c"__dictoffset__", PyClassObject::<T>::dict_offset()));
    }
    if <T::WeakRef as PyClassWeakRef>::PRESENT {
        members.push(member(c"__weaklistoffset__", PyClassObject::<T>::weakref_offset()));
    }
    if !members.is_empty() {
        members.push(ffi::PyMemberDef {
            name: std::ptr::null(),
            type_: 0,
            offset: 0,
            flags: 0,
            doc: std::ptr::null(),
        });
    }
    members
}

fn zeroed_method_def() -> ffi::PyMethodDef {
    ffi::PyMethodDef {
        ml_name: std::ptr::null(),
        ml_meth: None,
        ml_flags: 0,
        ml_doc: std::ptr::null(),
    }
}

/// A `'static` pointer to the array's first element (the type keeps it for ever).
fn leak<E>(v: Vec<E>) -> *mut E {
    Box::leak(v.into_boxed_slice()).as_mut_ptr()
}

/// Sets the class attributes of `T` on its new type object.
pub(crate) fn set_class_attributes<T: PyClassImpl>(ty: &Bound<'_, PyType>) -> PyResult<()> {
    let py = ty.py();
    for items in T::items_iter() {
        for item in items.methods {
            if let PyMethodDefType::ClassAttribute(attr) = item {
                let value = (attr.make)(py)?;
                crate::ffi::api::type_set_class_attribute(ty, attr.name, value.bind(py))?;
            }
        }
    }
    Ok(())
}

/// Whether the running interpreter honours `Py_TPFLAGS_DISALLOW_INSTANTIATION`: CPython 3.10+,
/// known at build time outside the limited API, asked at run time under it (an `abi3-py39`
/// module may run on 3.10+).
#[allow(unused_variables)]
fn interpreter_disallows_instantiation(py: Python<'_>) -> bool {
    if cfg!(any(PyPy, GraalPy)) {
        false
    } else if cfg!(Py_LIMITED_API) {
        py.version_info() >= (3, 10)
    } else {
        cfg!(Py_3_10)
    }
}

/// The `tp_new` of classes without `#[new]` where the interpreter lacks
/// `Py_TPFLAGS_DISALLOW_INSTANTIATION`: instances can only be made from Rust, and Python gets
/// the interpreter's own error (`cannot create 'module.Name' instances`).
unsafe extern "C" fn no_constructor_defined(
    subtype: *mut ffi::PyTypeObject,
    _args: *mut ffi::PyObject,
    _kwargs: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: called by the interpreter, so attached.
    unsafe {
        trampoline(|py| {
            // SAFETY: the interpreter passes a live type.
            let ty = crate::ffi::ptr_ext::FfiPtrExt::assume_borrowed(subtype.cast(), py);
            let attr = |name: &str| ty.getattr(name).map(|n| n.to_string()).unwrap_or_default();
            let name = format!("{}.{}", attr("__module__"), attr("__name__"));
            Err::<*mut ffi::PyObject, PyErr>(crate::exceptions::PyTypeError::new_err(format!(
                "cannot create '{name}' instances"
            )))
        })
    }
}

/// `__dict__` under the limited API before 3.10, which lacks `PyObject_GenericGetDict` and
/// `PyObject_GenericSetDict`: the same behaviour over the instance's dict slot, whose byte
/// offset is the descriptor's closure.
#[cfg(not(any(not(Py_LIMITED_API), Py_3_10)))]
mod limited_dict {
    use crate::ffi;
    use std::ffi::c_void;
    use std::os::raw::c_int;

    /// The dict slot of `obj`.
    ///
    /// # Safety
    /// `obj` is an instance of a class whose dict slot lies `offset` bytes into it.
    unsafe fn slot(obj: *mut ffi::PyObject, offset: *mut c_void) -> *mut *mut ffi::PyObject {
        // SAFETY: per the contract, the slot is inside the object.
        unsafe { obj.cast::<u8>().add(offset as usize).cast() }
    }

    /// The getter: the instance dict, made empty on first use (a new reference).
    ///
    /// # Safety
    /// Called by the interpreter, attached, with an instance of the class (the descriptor checks
    /// the type) and the closure given at class creation.
    pub(super) unsafe extern "C" fn get(
        obj: *mut ffi::PyObject,
        offset: *mut c_void,
    ) -> *mut ffi::PyObject {
        // SAFETY: per the contract; the slot holds NULL or an owned dict.
        unsafe {
            let slot = slot(obj, offset);
            if (*slot).is_null() {
                let dict = ffi::PyDict_New();
                if dict.is_null() {
                    return dict;
                }
                *slot = dict;
            }
            ffi::Py_INCREF(*slot);
            *slot
        }
    }

    /// The setter: replaces the instance dict with another dict; deletion is refused.
    ///
    /// # Safety
    /// As for [`get`]; `value` is NULL (delete) or live.
    pub(super) unsafe extern "C" fn set(
        obj: *mut ffi::PyObject,
        value: *mut ffi::PyObject,
        offset: *mut c_void,
    ) -> c_int {
        // SAFETY: per the contract; the slot holds NULL or an owned dict, replaced by a new
        // reference to `value` before the old one is released.
        unsafe {
            if value.is_null() {
                ffi::PyErr_SetString(ffi::PyExc_TypeError, c"cannot delete __dict__".as_ptr());
                return -1;
            }
            let flags = ffi::PyType_GetFlags(ffi::Py_TYPE(value));
            if flags & ffi::Py_TPFLAGS_DICT_SUBCLASS as std::os::raw::c_ulong == 0 {
                ffi::PyErr_SetString(
                    ffi::PyExc_TypeError,
                    c"__dict__ must be set to a dictionary".as_ptr(),
                );
                return -1;
            }
            ffi::Py_INCREF(value);
            let slot = slot(obj, offset);
            let old = std::mem::replace(&mut *slot, value);
            ffi::Py_XDECREF(old);
            0
        }
    }
}
