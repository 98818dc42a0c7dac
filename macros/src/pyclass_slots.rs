//! The slots `#[pyclass]` derives from its options (`eq`, `ord`, `hash`, `str`) and the items of
//! simple enums (a class attribute per variant, `__repr__`, `__int__`, comparison with ints for
//! `eq_int`).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// `NotImplemented`, as a slot result.
fn not_implemented() -> TokenStream {
    quote!(::core::result::Result::Ok(py.NotImplemented().into_bound(py)))
}

/// Slots for `eq`, `ord`, `hash` and `str`.
#[allow(clippy::too_many_arguments)]
pub fn option_slots(
    k: &TokenStream,
    ident: &syn::Ident,
    eq: bool,
    ord: bool,
    hash: bool,
    str_opt: Option<&Option<syn::LitStr>>,
    helpers: &mut Vec<TokenStream>,
    slots: &mut Vec<TokenStream>,
) {
    let ni = not_implemented();
    if eq {
        let ordering = if ord {
            quote! {
                op => match ::core::cmp::PartialOrd::partial_cmp(&*slf, &*other) {
                    ::core::option::Option::Some(ordering) => #k::impl_::argument::ret(py, op.matches(ordering)),
                    ::core::option::Option::None => #ni,
                },
            }
        } else {
            quote!(_ => #ni,)
        };
        helpers.push(quote! {
            struct __RichCmp;
            impl #k::impl_::pyclass::PyRichCompareImpl for __RichCmp {
                fn richcmp<'py>(
                    py: #k::Python<'py>,
                    slf: #k::Borrowed<'_, 'py, #k::PyAny>,
                    other: #k::Borrowed<'_, 'py, #k::PyAny>,
                    op: #k::pyclass::CompareOp,
                ) -> #k::PyResult<#k::Bound<'py, #k::PyAny>> {
                    let ::core::result::Result::Ok(slf) = #k::impl_::pyclass::borrow_self::<#ident>(::core::option::Option::Some(slf)) else {
                        return #ni;
                    };
                    let ::core::result::Result::Ok(other) = other.extract::<#k::PyRef<'py, #ident>>() else {
                        return #ni;
                    };
                    match op {
                        #k::pyclass::CompareOp::Eq => #k::impl_::argument::ret(py, *slf == *other),
                        #k::pyclass::CompareOp::Ne => #k::impl_::argument::ret(py, *slf != *other),
                        #ordering
                    }
                }
            }
        });
        slots.push(quote!(#k::impl_::pyclass::PyClassSlot::tp_richcompare::<__RichCmp>()));
    }
    if hash {
        helpers.push(quote! {
            struct __Hash;
            impl #k::impl_::pyclass::PyHashImpl for __Hash {
                fn hash(_py: #k::Python<'_>, slf: #k::Borrowed<'_, '_, #k::PyAny>) -> #k::PyResult<isize> {
                    let slf = #k::impl_::pyclass::borrow_self::<#ident>(::core::option::Option::Some(slf))?;
                    let mut hasher = ::std::collections::hash_map::DefaultHasher::new();
                    ::core::hash::Hash::hash(&*slf, &mut hasher);
                    #k::impl_::pyclass::hash_output(::core::hash::Hasher::finish(&hasher))
                }
            }
        });
        slots.push(quote!(#k::impl_::pyclass::PyClassSlot::tp_hash::<__Hash>()));
    }
    if let Some(format) = str_opt {
        let text = match format {
            Some(lit) => {
                let (names, positional) = crate::pyclass::format_names(&lit.value());
                let bindings = names.iter().map(|n| {
                    let id = format_ident!("{}", n);
                    quote!(let #id = &slf.#id;)
                });
                let fields = (0..positional).map(|i| {
                    let index = syn::Index::from(i);
                    quote!(, &slf.#index)
                });
                quote!({ #(#bindings)* ::std::format!(#lit #(#fields)*) })
            }
            None => quote!(::std::string::ToString::to_string(&*slf)),
        };
        helpers.push(quote! {
            struct __Str;
            impl #k::impl_::pyclass::PyUnaryImpl for __Str {
                fn call<'py>(py: #k::Python<'py>, slf: #k::Borrowed<'_, 'py, #k::PyAny>) -> #k::PyResult<#k::Bound<'py, #k::PyAny>> {
                    let slf = #k::impl_::pyclass::borrow_self::<#ident>(::core::option::Option::Some(slf))?;
                    #k::impl_::argument::ret(py, #text)
                }
            }
        });
        slots.push(quote!(#k::impl_::pyclass::PyClassSlot::tp_str::<__Str>()));
    }
}

/// The items of a simple enum: a class attribute per variant, `__repr__`, `__int__`, and for
/// `eq_int` a comparison that also accepts ints (made instead of `eq`'s).
#[allow(clippy::too_many_arguments)]
pub fn enum_items(
    k: &TokenStream,
    ident: &syn::Ident,
    py_name: &str,
    variants: &[(syn::Ident, String)],
    eq_int: bool,
    ord: bool,
    helpers: &mut Vec<TokenStream>,
    methods: &mut Vec<TokenStream>,
    slots: &mut Vec<TokenStream>,
) {
    for (variant, name) in variants {
        let f = format_ident!("__Variant_{}", variant);
        helpers.push(quote! {
            #[allow(non_snake_case)]
            fn #f(py: #k::Python<'_>) -> #k::PyResult<#k::Py<#k::PyAny>> {
                ::core::result::Result::Ok(#k::Py::new(py, #ident::#variant)?.into_any())
            }
        });
        methods.push(quote!(#k::impl_::pyclass::PyMethodDefType::ClassAttribute(
            #k::impl_::pyclass::PyClassAttributeDef::new(#name, #f))));
    }
    let reprs = variants.iter().map(|(v, name)| {
        let text = format!("{py_name}.{name}");
        quote!(#ident::#v => #text)
    });
    let ints = variants.iter().map(|(v, _)| quote!(#ident::#v => #ident::#v as isize));
    helpers.push(quote! {
        struct __EnumRepr;
        impl #k::impl_::pyclass::PyUnaryImpl for __EnumRepr {
            fn call<'py>(py: #k::Python<'py>, slf: #k::Borrowed<'_, 'py, #k::PyAny>) -> #k::PyResult<#k::Bound<'py, #k::PyAny>> {
                let slf = #k::impl_::pyclass::borrow_self::<#ident>(::core::option::Option::Some(slf))?;
                let text: &str = match *slf { #(#reprs),* };
                #k::impl_::argument::ret(py, text)
            }
        }
        fn __enum_int(value: &#ident) -> isize {
            match *value { #(#ints),* }
        }
        struct __EnumInt;
        impl #k::impl_::pyclass::PyUnaryImpl for __EnumInt {
            fn call<'py>(py: #k::Python<'py>, slf: #k::Borrowed<'_, 'py, #k::PyAny>) -> #k::PyResult<#k::Bound<'py, #k::PyAny>> {
                let slf = #k::impl_::pyclass::borrow_self::<#ident>(::core::option::Option::Some(slf))?;
                #k::impl_::argument::ret(py, __enum_int(&slf))
            }
        }
    });
    slots.push(quote!(#k::impl_::pyclass::PyClassSlot::tp_repr::<__EnumRepr>()));
    slots.push(quote!(#k::impl_::pyclass::PyClassSlot::nb_int::<__EnumInt>()));
    if eq_int {
        let ni = not_implemented();
        let enum_ordering = if ord {
            quote!(::core::cmp::PartialOrd::partial_cmp(&*slf, &*o))
        } else {
            quote!(::core::option::Option::Some(::core::cmp::Ord::cmp(
                &__enum_int(&slf),
                &__enum_int(&o)
            )))
        };
        let ord_arms = ord.then(|| {
            quote!((op, ::core::option::Option::Some(o)) => #k::impl_::argument::ret(py, op.matches(o)),)
        });
        helpers.push(quote! {
            struct __EnumRichCmp;
            impl #k::impl_::pyclass::PyRichCompareImpl for __EnumRichCmp {
                fn richcmp<'py>(
                    py: #k::Python<'py>,
                    slf: #k::Borrowed<'_, 'py, #k::PyAny>,
                    other: #k::Borrowed<'_, 'py, #k::PyAny>,
                    op: #k::pyclass::CompareOp,
                ) -> #k::PyResult<#k::Bound<'py, #k::PyAny>> {
                    let ::core::result::Result::Ok(slf) = #k::impl_::pyclass::borrow_self::<#ident>(::core::option::Option::Some(slf)) else {
                        return #ni;
                    };
                    // Against the enum: its `PartialEq` (and `PartialOrd` with `ord`); against an
                    // int: the discriminant.
                    let ordering = if let ::core::result::Result::Ok(o) = other.extract::<#k::PyRef<'py, #ident>>() {
                        #enum_ordering
                    } else if let ::core::result::Result::Ok(i) = other.extract::<isize>() {
                        ::core::option::Option::Some(::core::cmp::Ord::cmp(&__enum_int(&slf), &i))
                    } else {
                        return #ni;
                    };
                    match (op, ordering) {
                        (#k::pyclass::CompareOp::Eq, o) => #k::impl_::argument::ret(py, o == ::core::option::Option::Some(::core::cmp::Ordering::Equal)),
                        (#k::pyclass::CompareOp::Ne, o) => #k::impl_::argument::ret(py, o != ::core::option::Option::Some(::core::cmp::Ordering::Equal)),
                        #ord_arms
                        _ => #ni,
                    }
                }
            }
        });
        slots.push(quote!(#k::impl_::pyclass::PyClassSlot::tp_richcompare::<__EnumRichCmp>()));
    }
}
