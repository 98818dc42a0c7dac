//! `#[derive(FromPyObject)]`, `#[derive(IntoPyObject)]` and `#[derive(IntoPyObjectRef)]`:
//! parse the item into [`Container`]s, then expand extraction (structs field by field; enums
//! variant by variant, in order, with one combined error) or conversion (named fields to a dict,
//! tuple structs to a tuple, transparent containers to their field).

use crate::attrs;
use crate::derive_model::{Container, ContainerOptions, Field, Shape, Source};
use crate::diag::Errors;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The parsed item: one container for a struct, one per variant for an enum.
struct Item {
    ident: syn::Ident,
    generics: syn::Generics,
    is_enum: bool,
    containers: Vec<Container>,
    krate: TokenStream,
}

fn parse(input: TokenStream, what: &str, errors: &mut Errors) -> Option<Item> {
    let mut input: syn::DeriveInput = errors.ok(syn::parse2(input))?;
    let opts = attrs::take_pyo3_attrs(&mut input.attrs, errors);
    let krate = crate::krate::crate_path(attrs::crate_opt(&opts, errors).as_ref());
    let ident = input.ident.clone();
    if what == "FromPyObject" {
        if let Some(second) = input.generics.lifetimes().nth(1) {
            errors.error_hint(
                second.lifetime.span(),
                "FromPyObject can be derived with at most one lifetime parameter",
                "the lifetime, if any, is the `'py` of the extracted objects",
            );
        }
    }
    let mut containers = Vec::new();
    let is_enum = matches!(input.data, syn::Data::Enum(_));
    match &mut input.data {
        syn::Data::Struct(s) => {
            let options = ContainerOptions::parse(&opts, errors, false);
            containers.extend(Container::new(
                &ident,
                ident.to_string(),
                &mut s.fields,
                &options,
                errors,
            ));
        }
        syn::Data::Enum(e) => {
            let enum_options = ContainerOptions::parse(&opts, errors, false);
            let rename_all =
                |opts: &[attrs::Opt]| opts.iter().find(|o| o.key == "rename_all").map(|o| o.span());
            let enum_rename = rename_all(&opts);
            if let (Some(span), false) = (enum_rename, what == "FromPyObject") {
                errors.error_hint(
                    span,
                    "`rename_all` is not supported at top level for enums",
                    "put `rename_all` on the variants",
                );
            }
            if e.variants.is_empty() {
                errors.error(
                    ident.span(),
                    format!("cannot derive {what} for an enum without variants"),
                );
            }
            for variant in &mut e.variants {
                let vopts = attrs::take_pyo3_attrs(&mut variant.attrs, errors);
                if let (Some(span), Some(_)) = (rename_all(&vopts), enum_rename) {
                    errors.error_hint(
                        span,
                        "Useless variant `rename_all` - enum is already annotated with `rename_all",
                        "remove one of them",
                    );
                }
                let mut options = ContainerOptions::parse(&vopts, errors, true);
                options.rename_all = options.rename_all.or(enum_options.rename_all);
                options.from_item_all |= enum_options.from_item_all;
                if matches!(variant.fields, syn::Fields::Unit) {
                    errors.error_hint(
                        variant.ident.span(),
                        format!("cannot derive {what} for the unit variant `{}`", variant.ident),
                        "give the variant a field, or use a #[pyclass] enum",
                    );
                    continue;
                }
                let name = format!("{ident}::{}", variant.ident);
                containers.extend(Container::new(
                    &variant.ident,
                    name,
                    &mut variant.fields,
                    &options,
                    errors,
                ));
            }
        }
        syn::Data::Union(u) => {
            errors.error(u.union_token.span, format!("cannot derive {what} for a union"))
        }
    }
    Some(Item { ident, generics: input.generics, is_enum, containers, krate })
}

/// Expands `#[derive(FromPyObject)]`.
pub fn from_py_object(input: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    let item = parse(input, "FromPyObject", &mut errors);
    if let Err(e) = errors.finish() {
        return e;
    }
    let Some(item) = item else { return TokenStream::new() };
    let k = &item.krate;
    let ident = &item.ident;
    let body = if item.is_enum {
        let tries = item.containers.iter().map(|c| {
            let variant = &c.ident;
            let build = extract_container(k, c, quote!(#ident::#variant));
            quote! {
                match (|| -> #k::PyResult<Self> { ::core::result::Result::Ok(#build) })() {
                    ::core::result::Result::Ok(value) => return ::core::result::Result::Ok(value),
                    ::core::result::Result::Err(e) => errors.push(e),
                }
            }
        });
        let labels = item.containers.iter().map(|c| &c.annotation);
        let variants = item.containers.iter().map(|c| c.ident.to_string());
        let name = ident.to_string();
        quote! {
            let mut errors = ::std::vec::Vec::new();
            #(#tries)*
            ::core::result::Result::Err(#k::impl_::frompyobject::enum_error(
                obj.py(), #name, &[#(#labels),*], &[#(#variants),*], errors))
        }
    } else {
        let build = item.containers.first().map(|c| extract_container(k, c, quote!(#ident)));
        quote!(::core::result::Result::Ok(#build))
    };
    // The item's own lifetime, if it has one, is the `'py` of the impl (so fields may hold a
    // `Bound<'py, _>`); otherwise `'__py` is introduced.
    let own = item.generics.lifetimes().next().map(|l| l.lifetime.clone());
    let py_lt = own.clone().unwrap_or_else(|| syn::parse_quote!('__py));
    let mut extra: Vec<syn::GenericParam> = vec![syn::parse_quote!('__a)];
    if own.is_none() {
        extra.push(syn::parse_quote!(#py_lt));
    }
    let bounds = item.generics.type_params().map(|t| {
        let t = &t.ident;
        syn::parse_quote!(#t: for<'__b> #k::FromPyObject<'__b, #py_lt>)
    });
    let generics = impl_generics(&item.generics, extra, bounds.collect());
    let (impl_generics, _, where_clause) = generics.split_for_impl();
    let (_, ty_generics, _) = item.generics.split_for_impl();
    quote! {
        impl #impl_generics #k::FromPyObject<'__a, #py_lt> for #ident #ty_generics #where_clause {
            type Error = #k::PyErr;
            fn extract(obj: #k::Borrowed<'__a, #py_lt, #k::PyAny>) -> #k::PyResult<Self> {
                let obj: &#k::Bound<#py_lt, #k::PyAny> = &obj;
                #body
            }
        }
    }
}

/// The item's generics with `extra` lifetimes first and `bounds` added to its where clause.
fn impl_generics(
    generics: &syn::Generics,
    extra: Vec<syn::GenericParam>,
    bounds: Vec<syn::WherePredicate>,
) -> syn::Generics {
    let mut generics = generics.clone();
    for (i, param) in extra.into_iter().enumerate() {
        generics.params.insert(i, param);
    }
    generics.make_where_clause().predicates.extend(bounds);
    generics
}

/// The expression building `path { ... }` / `path(...)` from `obj`.
fn extract_container(k: &TokenStream, c: &Container, path: TokenStream) -> TokenStream {
    let name = &c.path_name;
    let value_of = |f: &Field, value: TokenStream| -> TokenStream {
        let label = &f.label;
        let ty = &f.ty;
        match &f.from_py_with {
            Some(func) => quote! {
                (#func)(&#value).map_err(|e| #k::impl_::frompyobject::field_error(obj.py(), #name, #label, e))?
            },
            None => quote!(#k::impl_::frompyobject::extract_field::<#ty>(&#value, #name, #label)?),
        }
    };
    match &c.shape {
        Shape::Transparent(f) => {
            let value = value_of(f, quote!(*obj));
            match &f.member {
                syn::Member::Named(m) => quote!(#path { #m: #value }),
                syn::Member::Unnamed(_) => quote!(#path(#value)),
            }
        }
        Shape::Tuple(fields) => {
            let n = fields.len();
            let items = fields.iter().enumerate().map(|(i, f)| {
                let value = value_of(f, quote!(#k::impl_::frompyobject::tuple_item(&tuple, #i)?));
                quote!(#value)
            });
            quote! {{
                let tuple = #k::impl_::frompyobject::tuple_of_len(obj, #n)?;
                #path(#(#items),*)
            }}
        }
        Shape::Named(fields) => {
            let inits = fields.iter().map(|f| {
                let has_default = f.default.is_some();
                let lookup = match &f.source {
                    Some(Source::Attr(attr)) => quote!({
                        static ATTR: #k::impl_::frompyobject::Interned = #k::impl_::frompyobject::Interned::new(#attr);
                        #k::impl_::frompyobject::get_attr(obj, ATTR.get(obj.py()), #has_default)?
                    }),
                    Some(Source::Item(key)) => quote!(#k::impl_::frompyobject::get_item(obj, #key, #has_default)?),
                    None => quote!(::core::option::Option::None),
                };
                let default = match &f.default {
                    Some(Some(e)) => quote!(#e),
                    Some(None) => quote!(::core::default::Default::default()),
                    None => quote!(::core::unreachable!("a required field is never missing")),
                };
                let value = value_of(f, quote!(value));
                let member = &f.member;
                quote! {
                    #member: match #lookup {
                        ::core::option::Option::Some(value) => #value,
                        ::core::option::Option::None => #default,
                    }
                }
            });
            quote!(#path { #(#inits),* })
        }
    }
}

/// Expands `#[derive(IntoPyObject)]` (`by_ref = false`) or `#[derive(IntoPyObjectRef)]`. As in
/// PyO3, a struct with named fields becomes a `dict` (`Target = PyDict`), a tuple struct a
/// `tuple`, a transparent struct its field (with the field's `Target`, `Output` and `Error`),
/// and an enum whichever its variant gives (`Target = PyAny`).
pub fn into_py_object(input: TokenStream, by_ref: bool) -> TokenStream {
    let what = if by_ref { "IntoPyObjectRef" } else { "IntoPyObject" };
    let mut errors = Errors::default();
    let item = parse(input, what, &mut errors);
    for c in item.iter().flat_map(|i| &i.containers) {
        if let Shape::Transparent(f) = &c.shape {
            if let Some((span, _)) = &f.into_py_with {
                let message = if c.explicit_transparent {
                    "`into_py_with` is not permitted on `transparent` structs or variants"
                } else {
                    "`into_py_with` is not permitted on `transparent` structs"
                };
                errors.error_hint(
                    *span,
                    message,
                    "convert the value before wrapping it, or give the container a second field",
                );
            }
        }
    }
    if let Err(e) = errors.finish() {
        return e;
    }
    let Some(item) = item else { return TokenStream::new() };
    let k = &item.krate;
    let ident = &item.ident;
    let (_, ty_generics, _) = item.generics.split_for_impl();
    let field_ty = |ty: &syn::Type| if by_ref { quote!(&'__r #ty) } else { quote!(#ty) };
    let (self_ty, mut extra): (TokenStream, Vec<syn::GenericParam>) = if by_ref {
        (quote!(&'__r #ident #ty_generics), vec![syn::parse_quote!('__r)])
    } else {
        (quote!(#ident #ty_generics), Vec::new())
    };
    extra.push(syn::parse_quote!('__py));
    let bounds = item.generics.type_params().map(|t| {
        let t = &t.ident;
        let t = field_ty(&syn::parse_quote!(#t));
        syn::parse_quote!(#t: #k::IntoPyObject<'__py>)
    });
    let generics = impl_generics(&item.generics, extra, bounds.collect());
    let (impl_generics, _, where_clause) = generics.split_for_impl();
    let (types, body) = match (item.is_enum, item.containers.first()) {
        (false, Some(c)) => {
            let types = match &c.shape {
                Shape::Named(_) => {
                    quote!(type Target = #k::impl_::frompyobject::PyDict; type Output = #k::Bound<'__py, #k::impl_::frompyobject::PyDict>; type Error = #k::PyErr;)
                }
                Shape::Tuple(_) => {
                    quote!(type Target = #k::impl_::frompyobject::PyTuple; type Output = #k::Bound<'__py, #k::impl_::frompyobject::PyTuple>; type Error = #k::PyErr;)
                }
                Shape::Transparent(f) => {
                    let ty = field_ty(&f.ty);
                    quote! {
                        type Target = <#ty as #k::IntoPyObject<'__py>>::Target;
                        type Output = <#ty as #k::IntoPyObject<'__py>>::Output;
                        type Error = <#ty as #k::IntoPyObject<'__py>>::Error;
                    }
                }
            };
            let (pattern, body) = convert_container(k, c, &quote!(#ident), by_ref, false);
            (types, quote!(let #pattern = self; #body))
        }
        _ => {
            let arms = item.containers.iter().map(|c| {
                let v = &c.ident;
                let (pattern, body) = convert_container(k, c, &quote!(#ident::#v), by_ref, true);
                quote!(#pattern => { #body })
            });
            let types = quote!(type Target = #k::PyAny; type Output = #k::Bound<'__py, #k::PyAny>; type Error = #k::PyErr;);
            (types, quote!(match self { #(#arms)* }))
        }
    };
    quote! {
        impl #impl_generics #k::IntoPyObject<'__py> for #self_ty #where_clause {
            #types
            fn into_pyobject(self, py: #k::Python<'__py>) -> ::core::result::Result<Self::Output, Self::Error> {
                #body
            }
        }
    }
}

/// The pattern binding the container's fields, and the conversion of the bindings: the dict,
/// tuple or field's own output, or (`any`, for enum variants) that output as a `PyAny`.
fn convert_container(
    k: &TokenStream,
    c: &Container,
    path: &TokenStream,
    by_ref: bool,
    any: bool,
) -> (TokenStream, TokenStream) {
    let fields: Vec<&Field> = match &c.shape {
        Shape::Transparent(f) => vec![&**f],
        Shape::Tuple(fs) | Shape::Named(fs) => fs.iter().collect(),
    };
    let binding = |i: usize| format_ident!("field{}", i);
    let pattern_items = fields.iter().enumerate().map(|(i, f)| {
        let b = binding(i);
        match &f.member {
            syn::Member::Named(m) => quote!(#m: #b),
            syn::Member::Unnamed(_) => quote!(#b),
        }
    });
    let named = fields.first().is_some_and(|f| matches!(f.member, syn::Member::Named(_)));
    let pattern = if named {
        quote!(#path { #(#pattern_items),* })
    } else {
        quote!(#path(#(#pattern_items),*))
    };
    // `into_py_with` gets the value as a `Cow`: owned by `IntoPyObject`, borrowed by
    // `IntoPyObjectRef`.
    let cow = if by_ref { quote!(cow_borrowed) } else { quote!(cow_owned) };
    let convert = |i: usize, f: &Field| {
        let b = binding(i);
        match &f.into_py_with {
            Some((_, func)) => quote!((#func)(#k::impl_::frompyobject::#cow(#b), py)?),
            None => quote!(#k::impl_::frompyobject::into_any(py, #b)?),
        }
    };
    let built = match &c.shape {
        Shape::Transparent(_) if any => {
            let value = convert(0, fields[0]);
            return (pattern, quote!(::core::result::Result::Ok(#value)));
        }
        Shape::Transparent(_) => {
            let b = binding(0);
            return (pattern, quote!(#k::impl_::frompyobject::into_pyobject(py, #b)));
        }
        Shape::Tuple(fs) => {
            let values = fs.iter().enumerate().map(|(i, f)| convert(i, f));
            let tuple = quote!(#k::impl_::frompyobject::new_tuple(py, [#(#values),*]));
            if !any {
                return (pattern, tuple);
            }
            quote!(#tuple?)
        }
        Shape::Named(fs) => {
            let sets = fs.iter().enumerate().map(|(i, f)| {
                let key = match &f.source {
                    Some(Source::Item(key)) => quote!(#key),
                    Some(Source::Attr(_)) | None => {
                        let name = &f.renamed;
                        quote!(#name)
                    }
                };
                let value = convert(i, f);
                quote!(#k::impl_::frompyobject::set_item(&dict, #key, #value)?;)
            });
            quote!({
                let dict = #k::impl_::frompyobject::new_dict(py);
                #(#sets)*
                dict
            })
        }
    };
    let output = if any { quote!(#k::impl_::frompyobject::output(#built)) } else { built };
    (pattern, quote!(::core::result::Result::Ok(#output)))
}
