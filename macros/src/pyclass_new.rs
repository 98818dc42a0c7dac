//! `#[pyclass(new = "from_fields")]`: a constructor taking every field of the struct, in order,
//! as a parameter of the same name (`_0`, `_1`, … for a tuple struct), made as the class's own
//! `tp_new` (so the class may still have a `#[pymethods]` block of its own).

use crate::diag::Errors;
use crate::function::{FnOptions, FnSpec};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// What the constructor adds to the class: its helper items, its slots, its text signature.
pub struct FromFields {
    pub helpers: TokenStream,
    pub slots: Vec<TokenStream>,
    pub text_signature: Option<String>,
}

/// The constructor of struct `ident` from `fields`.
pub fn from_fields(
    k: &TokenStream,
    ident: &syn::Ident,
    fields: &syn::Fields,
    errors: &mut Errors,
) -> FromFields {
    let params: Vec<(syn::Ident, syn::Member, &syn::Type)> = fields
        .iter()
        .enumerate()
        .map(|(i, f)| match &f.ident {
            Some(id) => (id.clone(), syn::Member::Named(id.clone()), &f.ty),
            None => (format_ident!("_{}", i), syn::Member::Unnamed(i.into()), &f.ty),
        })
        .collect();
    let names: Vec<&syn::Ident> = params.iter().map(|(n, _, _)| n).collect();
    let members = params.iter().map(|(_, m, _)| m);
    let types = params.iter().map(|(_, _, t)| t);
    let types_again = types.clone();
    let mut sig: syn::Signature = syn::parse_quote! {
        fn __pyroxide_from_fields(#(#names: #types),*) -> Self
    };
    let spec = FnSpec::new(&mut sig, &[], &FnOptions::default(), errors);
    let class = quote!(#k::impl_::pyclass::class_name::<#ident>());
    let body = spec.call_body_with(
        k,
        Some(&class),
        "__new__",
        quote!(#ident::__pyroxide_from_fields),
        None,
    );
    let body = crate::pymethods_expand::replace_convert(
        body,
        quote!(#k::impl_::pyclass::into_initializer(__pyroxide_result)),
    );
    let helpers = quote! {
        impl #ident {
            #[doc(hidden)]
            #[allow(clippy::too_many_arguments)]
            fn __pyroxide_from_fields(#(#names: #types_again),*) -> Self {
                #ident { #(#members: #names),* }
            }
        }
        struct __PyroxideFromFields;
        impl #k::impl_::pyclass::PyClassNewImpl for __PyroxideFromFields {
            type Class = #ident;
            #[allow(unused_variables, unused_mut, clippy::needless_question_mark)]
            fn new<'__a, '__py, __PyroxideArgs: #k::impl_::extract::ArgSource<'__a, '__py>>(
                py: #k::Python<'__py>,
                __pyroxide_type: #k::Borrowed<'__a, '__py, #k::types::PyType>,
                __pyroxide_args: __PyroxideArgs,
            ) -> #k::PyResult<#k::PyClassInitializer<#ident>> {
                let __pyroxide_slf: ::core::option::Option<#k::Borrowed<'__a, '__py, #k::PyAny>> = ::core::option::Option::None;
                #body
            }
        }
    };
    FromFields {
        helpers,
        slots: vec![
            quote!(#k::impl_::pyclass::PyClassSlot::tp_new::<__PyroxideFromFields>()),
            quote!(#k::impl_::pyclass::PyClassSlot::vectorcall_new::<__PyroxideFromFields>()),
        ],
        text_signature: spec.text_signature.clone(),
    }
}
