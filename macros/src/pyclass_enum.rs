//! Complex enums (`#[pyclass] enum` with struct or tuple variants), as PyO3 makes them: the
//! enum is a `frozen`, subclassable base class, and each variant a `frozen` zero-sized class
//! `Enum_Variant` extending it (reachable as the class attribute `Enum.Variant`) with a
//! constructor taking the variant's fields, a getter per field (`_0`, `_1`, … for tuple
//! variants, plus `__len__` and `__getitem__`), and `__match_args__`. The variant classes are
//! written as an ordinary `#[pyclass]` and `#[pymethods]` pair, expanded in turn.

use crate::attrs::{self, Opt};
use crate::diag::Errors;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// One variant of a complex enum.
pub struct ComplexVariant {
    ident: syn::Ident,
    /// The name of the class attribute on the enum.
    py_name: String,
    /// `Some(field names)` for a struct variant, `None` for a tuple variant.
    names: Option<Vec<syn::Ident>>,
    types: Vec<syn::Type>,
    /// `#[pyo3(constructor = (...))]`: the constructor's signature.
    constructor: Option<TokenStream>,
}

/// Whether an enum is complex (has a struct or tuple variant).
pub fn is_complex(e: &syn::ItemEnum) -> bool {
    e.variants.iter().any(|v| !matches!(v.fields, syn::Fields::Unit))
}

/// Parses the variants of a complex enum (taking their `#[pyo3]` attributes).
pub fn parse_variants(
    e: &mut syn::ItemEnum,
    rename: Option<crate::rename::RenameRule>,
    errors: &mut Errors,
) -> Vec<ComplexVariant> {
    let mut out = Vec::new();
    for variant in &mut e.variants {
        let vopts: Vec<Opt> = attrs::take_pyo3_attrs(&mut variant.attrs, errors);
        let name = variant.ident.to_string();
        let mut py_name = rename.map_or_else(|| name.clone(), |r| r.apply(&name));
        let mut constructor = None;
        for opt in &vopts {
            match opt.key.to_string().as_str() {
                "name" => {
                    if let Some(s) = opt.lit_str(errors) {
                        py_name = s.value();
                    }
                }
                "constructor" => match &opt.value {
                    Some(v) => constructor = Some(v.clone()),
                    None => errors.error(opt.span(), "expected `constructor = (...)`"),
                },
                _ => errors.error_hint(
                    opt.span(),
                    format!("unknown variant option `{}`", opt.key),
                    "variants of a complex enum accept `name = \"...\"`, `constructor = (...)`",
                ),
            }
        }
        let (names, types) = match &mut variant.fields {
            syn::Fields::Unit => {
                errors.error_hint(
                    variant.ident.span(),
                    "a complex enum cannot have unit variants",
                    format!("use an empty tuple variant: `{}()`", variant.ident),
                );
                continue;
            }
            syn::Fields::Named(f) => {
                let names = f.named.iter().filter_map(|f| f.ident.clone()).collect();
                (Some(names), f.named.iter().map(|f| f.ty.clone()).collect())
            }
            syn::Fields::Unnamed(f) => (None, f.unnamed.iter().map(|f| f.ty.clone()).collect()),
        };
        for field in variant.fields.iter_mut() {
            for opt in attrs::take_pyo3_attrs(&mut field.attrs, errors) {
                errors.error(opt.span(), "fields of complex enum variants take no options");
            }
        }
        out.push(ComplexVariant {
            ident: variant.ident.clone(),
            py_name,
            names,
            types,
            constructor,
        });
    }
    out
}

/// The items of a complex enum `ident` (named `py_name` in Python): the class attribute per
/// variant (pushed on `methods`, with its helper on `helpers`), and the variant classes;
/// returns the body of `PyClassImpl::into_variant_instance`.
pub fn complex_items(
    k: &TokenStream,
    ident: &syn::Ident,
    enum_py_name: &str,
    module: Option<&str>,
    variants: &[ComplexVariant],
    helpers: &mut Vec<TokenStream>,
    methods: &mut Vec<TokenStream>,
) -> TokenStream {
    let krate_str = k.to_string().replace(' ', "");
    let module = module.map(|m| quote!(, module = #m));
    let mut arms = Vec::new();
    for v in variants {
        let vident = &v.ident;
        let cls = format_ident!("{}_{}", ident, vident);
        // Named after the variant, qualified by the enum, as in PyO3: `Circle`, `Shape.Circle`.
        let cls_name = &v.py_name;
        let qualname = format!("{enum_py_name}.{cls_name}");
        let attr_fn = format_ident!("__Variant_{}", vident);
        let name = &v.py_name;
        helpers.push(quote! {
            #[allow(non_snake_case)]
            fn #attr_fn(py: #k::Python<'_>) -> #k::PyResult<#k::Py<#k::PyAny>> {
                ::core::result::Result::Ok(
                    <#cls as #k::PyTypeInfo>::type_object(py).into_any().unbind(),
                )
            }
        });
        methods.push(quote!(#k::impl_::pyclass::PyMethodDefType::ClassAttribute(
            #k::impl_::pyclass::PyClassAttributeDef::new(#name, #attr_fn))));
        arms.push(quote! {
            #ident::#vident { .. } => ::core::result::Result::Ok(
                #k::PyClassInitializer::from(self)
                    .add_subclass(#cls)
                    .create_class_object(py)
                    .map(#k::Bound::into_any),
            )
        });
        let field_names: Vec<syn::Ident> = match &v.names {
            Some(names) => names.clone(),
            None => (0..v.types.len()).map(|i| format_ident!("_{}", i)).collect(),
        };
        let types = &v.types;
        let value = match &v.names {
            Some(_) => quote!(#ident::#vident { #(#field_names),* }),
            None => quote!(#ident::#vident ( #(#field_names),* )),
        };
        let signature = match &v.constructor {
            Some(c) => quote!(#c),
            None => quote!((#(#field_names),*)),
        };
        let getters = field_names.iter().enumerate().map(|(i, f)| {
            let pattern = match &v.names {
                Some(_) => quote!(#ident::#vident { #f: value, .. }),
                None => {
                    let parts = (0..field_names.len()).map(|j| if i == j { quote!(value) } else { quote!(_) });
                    quote!(#ident::#vident ( #(#parts),* ))
                }
            };
            quote! {
                #[getter]
                fn #f<'py>(slf: #k::PyRef<'py, Self>, py: #k::Python<'py>) -> #k::PyResult<#k::Bound<'py, #k::PyAny>> {
                    #[allow(unused_imports)]
                    use #k::impl_::pyclass::{GetByClone as _, GetByRef as _};
                    match &**slf.as_super() {
                        #pattern => (&&#k::impl_::pyclass::FieldGetter(value)).get_field(py),
                        #[allow(unreachable_patterns)]
                        _ => ::core::unreachable!("a complex enum's variant class holds another variant"),
                    }
                }
            }
        });
        let match_args: Vec<String> = field_names.iter().map(crate::signature::unraw).collect();
        let n_fields = field_names.len();
        let tuple_items = v.names.is_none().then(|| {
            let n = field_names.len();
            let items = field_names.iter().enumerate().map(|(i, f)| quote!(#i => Self::#f(slf, py)));
            quote! {
                fn __len__(&self) -> usize {
                    #n
                }
                fn __getitem__<'py>(slf: #k::PyRef<'py, Self>, py: #k::Python<'py>, idx: usize) -> #k::PyResult<#k::Bound<'py, #k::PyAny>> {
                    match idx {
                        #(#items,)*
                        _ => ::core::result::Result::Err(#k::exceptions::PyIndexError::new_err("tuple index out of range")),
                    }
                }
            }
        });
        helpers.push(quote! {
            #[doc(hidden)]
            #[allow(non_camel_case_types)]
            #[#k::pyclass(crate = #krate_str, extends = #ident, frozen, name = #cls_name, __pyroxide_qualname = #qualname #module)]
            struct #cls;

            #[allow(non_snake_case, clippy::too_many_arguments)]
            #[#k::pymethods(crate = #krate_str)]
            impl #cls {
                #[new]
                #[pyo3(signature = #signature)]
                fn __pyroxide_new(#(#field_names: #types),*) -> #k::PyClassInitializer<#cls> {
                    #k::PyClassInitializer::from(#value).add_subclass(#cls)
                }
                #[classattr]
                fn __match_args__(py: #k::Python<'_>) -> #k::PyResult<#k::Bound<'_, #k::types::PyTuple>> {
                    let names: [&str; #n_fields] = [#(#match_args),*];
                    #k::types::PyTuple::new(py, names)
                }
                #(#getters)*
                #tuple_items
            }
        });
    }
    quote! {
        match self {
            #(#arms,)*
        }
    }
}
