//! `#[pyfunction]`: parse the item and its options, build the [`FnSpec`], expand to the
//! function itself, a hidden module of the same name holding the static definition (so that
//! `wrap_pyfunction!(f)` and `#[pymodule_export] use f` find it by the function's path), and the
//! `PyFunctionImpl` of the wrapper, written beside the function so that its types resolve as
//! the user wrote them.

use crate::attrs::{self, Opt};
use crate::diag::Errors;
use crate::function::{FnOptions, FnSpec};
use crate::wrapper::Convention;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// Expands `#[pyfunction(args)] item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    let mut func: syn::ItemFn = match syn::parse2(item) {
        Ok(f) => f,
        Err(e) => {
            return syn::Error::new(e.span(), "#[pyfunction] applies to a function (`fn`)")
                .to_compile_error()
        }
    };
    let mut opts: Vec<Opt> = errors.ok(attrs::parse_opts(args)).unwrap_or_default();
    opts.extend(attrs::take_pyo3_attrs(&mut func.attrs, &mut errors));
    let krate = crate::krate::crate_path(attrs::crate_opt(&opts, &mut errors).as_ref());
    let options = FnOptions::take(&opts, &mut errors, |opt, _| opt.key == "crate");
    let spec = FnSpec::new(&mut func.sig, &func.attrs, &options, &mut errors);
    let definition = match errors.finish() {
        Ok(()) => definition(&spec, &func.vis, &krate),
        Err(errors) => errors,
    };
    quote! {
        #func
        #definition
    }
}

/// The hidden module with the definition, and the wrapper's trait impl.
pub fn definition(spec: &FnSpec, vis: &syn::Visibility, krate: &TokenStream) -> TokenStream {
    let name = &spec.rust_name;
    let marker = format_ident!("__PyroxideFn");
    let py_name = crate::cstr(krate, &spec.py_name);
    let doc = crate::cstr(krate, &spec.full_doc());
    let ctor = match spec.convention() {
        Convention::NoArgs => quote!(noargs),
        Convention::OneArg => quote!(one_arg),
        Convention::Keywords => quote!(keywords),
    };
    let body = spec.call_body(krate, &spec.py_name, quote!(#name));
    quote! {
        #[doc(hidden)]
        #[allow(non_snake_case, non_upper_case_globals)]
        #vis mod #name {
            /// The wrapper type of the function.
            pub struct #marker;
            /// The function's definition.
            pub const __PYROXIDE_DEF: #krate::impl_::pyfunction::PyFunctionDef =
                #krate::impl_::pyfunction::PyFunctionDef::#ctor::<#marker>(#py_name, #doc);
        }

        impl #krate::impl_::pyfunction::PyFunctionImpl for #name::#marker {
            #[inline]
            #[allow(unused_variables, unused_mut, clippy::needless_question_mark)]
            fn call<'__a, '__py, __PyroxideArgs: #krate::impl_::extract::ArgSource<'__a, '__py>>(
                py: #krate::Python<'__py>,
                __pyroxide_slf: ::core::option::Option<#krate::Borrowed<'__a, '__py, #krate::PyAny>>,
                __pyroxide_args: __PyroxideArgs,
            ) -> #krate::PyResult<#krate::Bound<'__py, #krate::PyAny>> {
                #body
            }
        }
    }
}
