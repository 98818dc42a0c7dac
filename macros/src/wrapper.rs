//! Expanding a [`FnSpec`] into the body of `PyFunctionImpl::call`: the static argument
//! description, the stack array the arguments are matched into, one extraction per parameter
//! (with its holder), the call, and the conversion of the result.

use crate::function::{FnSpec, Return, Role};
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

/// Which C entry point the definition uses.
pub enum Convention {
    NoArgs,
    OneArg,
    Keywords,
}

impl FnSpec {
    /// The cheapest calling convention the signature allows.
    pub fn convention(&self) -> Convention {
        let sig = &self.signature;
        if sig.varargs.is_some() || sig.kwargs.is_some() {
            return Convention::Keywords;
        }
        match sig.params.as_slice() {
            [] => Convention::NoArgs,
            [p] if p.kind == crate::signature::Kind::PositionalOnly && p.default.is_none() => {
                Convention::OneArg
            }
            _ => Convention::Keywords,
        }
    }

    /// The `FunctionDescription` static for error messages named `display_name` (prefixed by
    /// the Python name of the class `class`, an expression, for a method).
    fn description(
        &self,
        krate: &TokenStream,
        class: Option<&TokenStream>,
        display_name: &str,
    ) -> TokenStream {
        let class = match class {
            Some(class) => quote!(::core::option::Option::Some(#class)),
            None => quote!(::core::option::Option::None),
        };
        let sig = &self.signature;
        let params = sig.params.iter().map(|p| {
            let name = crate::signature::unraw(&p.name);
            let kind = format_ident!("{}", p.kind.variant());
            let required = p.default.is_none();
            quote!(#krate::impl_::extract::Param {
                name: #name,
                kind: #krate::impl_::extract::ParamKind::#kind,
                required: #required,
            })
        });
        let positional =
            sig.params.iter().filter(|p| p.kind != crate::signature::Kind::KeywordOnly).count();
        let varargs = sig.varargs.is_some();
        let varkw = sig.kwargs.is_some();
        quote! {
            static __PYROXIDE_DESCRIPTION: #krate::impl_::extract::FunctionDescription =
                #krate::impl_::extract::FunctionDescription {
                    class: #class,
                    name: #display_name,
                    params: &[#(#params),*],
                    positional: #positional,
                    varargs: #varargs,
                    varkw: #varkw,
                    interned: #krate::sync::PyOnceLock::new(),
                };
        }
    }

    /// The body of `call(py, slf, args)`: match, extract, call `callee` with the parameters in
    /// order, convert.
    pub fn call_body(
        &self,
        krate: &TokenStream,
        display_name: &str,
        callee: TokenStream,
    ) -> TokenStream {
        self.call_body_with(krate, None, display_name, callee, None)
    }

    /// As [`FnSpec::call_body`] for a method of `class` (an expression naming the class in
    /// errors), with a first argument (a method's receiver) bound by `setup` after the
    /// arguments are matched.
    pub fn call_body_with(
        &self,
        krate: &TokenStream,
        class: Option<&TokenStream>,
        display_name: &str,
        callee: TokenStream,
        receiver: Option<(TokenStream, TokenStream)>,
    ) -> TokenStream {
        let description = self.description(krate, class, display_name);
        let n = self.signature.params.len();
        let mut extractions = Vec::new();
        let mut call_args = Vec::new();
        for (i, param) in self.params.iter().enumerate() {
            let var = format_ident!("__pyroxide_arg{}", i);
            let holder = format_ident!("__pyroxide_holder{}", i);
            let ty = &param.ty;
            let name = crate::signature::unraw(&param.ident);
            let extraction = match &param.role {
                Role::Py => quote!(let #var = py;),
                Role::Module => quote! {
                    let mut #holder = ::core::default::Default::default();
                    let #var = #krate::impl_::argument::extract_argument::<#ty, _>(
                        ::core::option::Option::Some(#krate::impl_::argument::module_argument(py, __pyroxide_slf)?),
                        &mut #holder,
                        #name,
                    )?;
                },
                Role::Named { index, from_py_with } => {
                    let default =
                        self.signature.params.get(*index).and_then(|p| p.default.as_ref());
                    let slot = quote!(__pyroxide_out[#index]);
                    match (from_py_with, default) {
                        (Some(f), Some(d)) => quote! {
                            let #var: #ty = #krate::impl_::argument::extract_with(#slot, #name, #f, ::core::option::Option::Some(|| #d))?;
                        },
                        (Some(f), None) => quote! {
                            let #var: #ty = #krate::impl_::argument::extract_with(#slot, #name, #f, ::core::option::Option::None)?;
                        },
                        (None, Some(d)) => quote! {
                            let mut #holder = ::core::default::Default::default();
                            let #var = #krate::impl_::argument::extract_argument_or::<#ty, _>(#slot, &mut #holder, #name, || #d)?;
                        },
                        (None, None) => quote! {
                            let mut #holder = ::core::default::Default::default();
                            let #var = #krate::impl_::argument::extract_argument::<#ty, _>(#slot, &mut #holder, #name)?;
                        },
                    }
                }
                Role::VarArgs => quote! {
                    let #holder = #krate::impl_::argument::varargs(py, __pyroxide_extra.varargs);
                    let mut #var = ::core::default::Default::default();
                    let #var = #krate::impl_::argument::extract_argument::<#ty, _>(
                        ::core::option::Option::Some(#holder.as_borrowed().into_any()), &mut #var, #name)?;
                },
                Role::KwArgs => quote! {
                    let #holder = #krate::impl_::argument::varkw(py, __pyroxide_extra.varkw);
                    let mut #var = ::core::default::Default::default();
                    let #var = #krate::impl_::argument::extract_argument::<#ty, _>(
                        ::core::option::Option::Some(#holder.as_borrowed().into_any()), &mut #var, #name)?;
                },
            };
            extractions.push(extraction);
            call_args.push(var);
        }
        let convert = match self.ret {
            Return::Unit => quote!(#krate::impl_::argument::ret_unit(py, __pyroxide_result)),
            Return::Value => quote!(#krate::impl_::argument::ret(py, __pyroxide_result)),
        };
        let (setup, first) = match receiver {
            Some((setup, arg)) => (setup, Some(arg)),
            None => (TokenStream::new(), None),
        };
        let call_args = first.into_iter().chain(call_args.into_iter().map(|v| quote!(#v)));
        let extract = if self.signature.varargs.is_some() || self.signature.kwargs.is_some() {
            quote!(let __pyroxide_extra = #krate::impl_::extract::ArgSource::extract(__pyroxide_args, &__PYROXIDE_DESCRIPTION, &mut __pyroxide_out)?;)
        } else {
            quote!(#krate::impl_::extract::ArgSource::extract_fixed(__pyroxide_args, &__PYROXIDE_DESCRIPTION, &mut __pyroxide_out)?;)
        };
        let warnings = self.warnings.iter().map(|w| {
            let message = crate::cstr(krate, &w.message);
            let category = match &w.category {
                Some(path) => quote!(#path),
                None => quote!(#krate::exceptions::PyUserWarning),
            };
            quote_spanned!(w.span=> #krate::impl_::pyfunction::warn::<#category>(py, #message)?;)
        });
        quote! {
            #description
            #(#warnings)*
            let mut __pyroxide_out: [::core::option::Option<#krate::Borrowed<'__a, '__py, #krate::PyAny>>; #n] =
                [::core::option::Option::None; #n];
            #extract
            #setup
            #(#extractions)*
            let __pyroxide_result = #callee(#(#call_args),*);
            #convert
        }
    }
}
