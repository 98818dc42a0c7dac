//! The declarations behind every native type: the `repr(transparent)` marker struct and its
//! `PyTypeInfo`, whose contract (a valid, immortal type object) is discharged here once.

/// Declares a native type: `native_type!(PyInt, "int", Some("builtins"), type_object = |py| expr,
/// check = fast_check_fn)`. `type_object` is an expression giving the `*mut PyTypeObject` (it
/// may read the interpreter's exported statics); `check` an optional `PyX_Check`-style function.
macro_rules! native_type {
    ($(#[$meta:meta])* $name:ident, $pyname:literal, $module:expr, type_object = |$py:ident| $tp:expr $(, check = $check:path)?) => {
        $(#[$meta])*
        #[repr(transparent)]
        pub struct $name($crate::types::PyAny);

        impl $crate::instance::DerefToPyAny for $name {}

        // SAFETY: `type_object_raw` returns the interpreter's own type object for this type,
        // which lives as long as the interpreter; instances are plain `PyObject`s to Rust (the
        // marker type has no fields of its own).
        unsafe impl $crate::type_object::PyTypeInfo for $name {
            const NAME: &'static str = $pyname;
            const MODULE: ::std::option::Option<&'static str> = $module;

            #[inline]
            fn type_object_raw($py: $crate::Python<'_>) -> *mut $crate::ffi::PyTypeObject {
                let _ = $py;
                // SAFETY: reads the address or value of an exported static that the interpreter
                // initialises before any thread can attach.
                #[allow(unused_unsafe)]
                unsafe { $tp }
            }

            $(
                #[inline]
                fn is_type_of(object: &$crate::Bound<'_, $crate::types::PyAny>) -> bool {
                    // SAFETY: attached (`Bound`), and the object is live.
                    unsafe { $check(object.as_ptr()) != 0 }
                }
            )?
        }
    };
}
pub(crate) use native_type;

/// Declares a builtin exception type from its `PyExc_*` static, with `new_err`.
macro_rules! native_exception {
    ($(#[$meta:meta])* $name:ident, $exc:ident, $pyname:literal) => {
        $crate::ffi::native::native_type!(
            $(#[$meta])*
            $name,
            $pyname,
            ::std::option::Option::Some("builtins"),
            type_object = |_py| (*::std::ptr::addr_of!($crate::ffi::$exc)).cast()
        );

        impl $name {
            /// A lazily created exception of this type with `args`.
            #[inline]
            pub fn new_err<A>(args: A) -> $crate::PyErr
            where
                A: $crate::PyErrArguments + ::std::marker::Send + ::std::marker::Sync + 'static,
            {
                $crate::PyErr::new::<$name, A>(args)
            }
        }
    };
}
pub(crate) use native_exception;

// SAFETY: `object` is the base type of every object; instances have the `PyObject` layout.
unsafe impl crate::type_object::PyTypeInfo for crate::types::PyAny {
    const NAME: &'static str = "object";
    const MODULE: Option<&'static str> = Some("builtins");
    #[inline]
    fn type_object_raw(_py: crate::Python<'_>) -> *mut crate::ffi::PyTypeObject {
        // SAFETY: only the address of the exported static is taken (safe from Rust 1.82).
        #[allow(unused_unsafe)]
        unsafe {
            std::ptr::addr_of_mut!(crate::ffi::PyBaseObject_Type)
        }
    }
    #[inline]
    fn is_type_of(_object: &crate::Bound<'_, crate::types::PyAny>) -> bool {
        true
    }
}
