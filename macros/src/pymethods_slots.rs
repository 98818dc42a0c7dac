//! Special methods implemented as type slots: each gets a marker implementing the runtime's
//! trait for its slot (`PyUnaryImpl` for `__repr__`, `PyLenImpl` for `__len__`, …), with its
//! arity checked against what Python passes.

use crate::diag::Errors;
use crate::function::Role;
use crate::pymethods::Output;
use crate::pymethods_expand::Ctx;
use quote::quote;

impl Ctx<'_> {
    /// The special method `name` (one of `pymethods::SLOTS`).
    pub fn slot(&self, name: &str, out: &mut Output, errors: &mut Errors) {
        let k = self.k;
        let values = self.spec.params.iter().filter(|p| !matches!(p.role, Role::Py)).count();
        let expected = match name {
            "__contains__" | "__getitem__" => 1,
            "__richcmp__" | "__traverse__" => 2,
            "__call__" => values,
            _ => 0,
        };
        if values != expected {
            errors.error_hint(
                self.rust.span(),
                format!(
                    "`{name}` takes {expected} argument{} besides `self`, not {values}",
                    if expected == 1 { "" } else { "s" }
                ),
                "Python calls this special method with a fixed number of arguments",
            );
            return;
        }
        let Some(receiver) = self.receiver else {
            errors.error(self.rust.span(), format!("`{name}` must take `self`"));
            return;
        };
        let marker = self.marker("Slot");
        let some_slf = quote!(::core::option::Option::Some(slf));
        let self_ty = self.self_ty;
        let bind = receiver.bind(k, self_ty, some_slf.clone());
        let convert = match self.spec.ret {
            crate::function::Return::Unit => quote!(#k::impl_::argument::ret_unit(py, result)),
            crate::function::Return::Value => quote!(#k::impl_::argument::ret(py, result)),
        };
        let (item, slots): (proc_macro2::TokenStream, Vec<proc_macro2::TokenStream>) = match name {
            "__repr__" | "__str__" | "__iter__" | "__int__" | "__index__" => {
                let (stmts, call) = self.direct_call_pub(&[], bind);
                let slot = match name {
                    "__repr__" => quote!(tp_repr),
                    "__str__" => quote!(tp_str),
                    "__iter__" => quote!(tp_iter),
                    "__int__" => quote!(nb_int),
                    _ => quote!(nb_index),
                };
                (
                    quote! {
                        impl #k::impl_::pyclass::PyUnaryImpl for #marker {
                            #[allow(unused_variables, unused_mut)]
                            fn call<'py>(py: #k::Python<'py>, slf: #k::Borrowed<'_, 'py, #k::PyAny>) -> #k::PyResult<#k::Bound<'py, #k::PyAny>> {
                                #stmts
                                let result = #call;
                                #convert
                            }
                        }
                    },
                    vec![quote!(#k::impl_::pyclass::PyClassSlot::#slot::<#marker>())],
                )
            }
            "__next__" => {
                let (stmts, call) = self.direct_call_pub(&[], bind);
                (
                    quote! {
                        impl #k::impl_::pyclass::PyIterNextImpl for #marker {
                            #[allow(unused_variables, unused_mut)]
                            fn next<'py>(py: #k::Python<'py>, slf: #k::Borrowed<'_, 'py, #k::PyAny>) -> #k::PyResult<::core::option::Option<#k::Bound<'py, #k::PyAny>>> {
                                #stmts
                                #k::impl_::pyclass::next_output(py, #call)
                            }
                        }
                    },
                    vec![quote!(#k::impl_::pyclass::PyClassSlot::tp_iternext::<#marker>())],
                )
            }
            "__hash__" | "__len__" | "__bool__" => {
                let (stmts, call) = self.direct_call_pub(&[], bind);
                let (trait_, method, ret, output, slots) = match name {
                    "__hash__" => (
                        quote!(PyHashImpl),
                        quote!(hash),
                        quote!(isize),
                        quote!(hash_output),
                        vec![quote!(tp_hash)],
                    ),
                    "__len__" => (
                        quote!(PyLenImpl),
                        quote!(len),
                        quote!(usize),
                        quote!(len_output),
                        vec![quote!(mp_length), quote!(sq_length)],
                    ),
                    _ => (
                        quote!(PyInquiryImpl),
                        quote!(call),
                        quote!(bool),
                        quote!(bool_output),
                        vec![quote!(nb_bool)],
                    ),
                };
                (
                    quote! {
                        impl #k::impl_::pyclass::#trait_ for #marker {
                            #[allow(unused_variables, unused_mut)]
                            fn #method(py: #k::Python<'_>, slf: #k::Borrowed<'_, '_, #k::PyAny>) -> #k::PyResult<#ret> {
                                #stmts
                                #k::impl_::pyclass::#output(#call)
                            }
                        }
                    },
                    slots
                        .into_iter()
                        .map(|s| quote!(#k::impl_::pyclass::PyClassSlot::#s::<#marker>()))
                        .collect(),
                )
            }
            "__contains__" => {
                let (stmts, call) = self.direct_call_pub(&[quote!(value)], bind);
                (
                    quote! {
                        impl #k::impl_::pyclass::PyContainsImpl for #marker {
                            #[allow(unused_variables, unused_mut)]
                            fn contains(py: #k::Python<'_>, slf: #k::Borrowed<'_, '_, #k::PyAny>, value: #k::Borrowed<'_, '_, #k::PyAny>) -> #k::PyResult<bool> {
                                #stmts
                                #k::impl_::pyclass::bool_output(#call)
                            }
                        }
                    },
                    vec![quote!(#k::impl_::pyclass::PyClassSlot::sq_contains::<#marker>())],
                )
            }
            "__getitem__" => {
                let (stmts, call) = self.direct_call_pub(&[quote!(arg)], bind);
                (
                    quote! {
                        impl #k::impl_::pyclass::PyBinaryImpl for #marker {
                            #[allow(unused_variables, unused_mut)]
                            fn call<'py>(py: #k::Python<'py>, slf: #k::Borrowed<'_, 'py, #k::PyAny>, arg: #k::Borrowed<'_, 'py, #k::PyAny>) -> #k::PyResult<#k::Bound<'py, #k::PyAny>> {
                                #stmts
                                let result = #call;
                                #convert
                            }
                        }
                    },
                    vec![quote!(#k::impl_::pyclass::PyClassSlot::mp_subscript::<#marker>())],
                )
            }
            "__richcmp__" => {
                let (stmts, call) = self.richcmp_call(bind);
                (
                    quote! {
                        impl #k::impl_::pyclass::PyRichCompareImpl for #marker {
                            #[allow(unused_variables, unused_mut)]
                            fn richcmp<'py>(py: #k::Python<'py>, slf: #k::Borrowed<'_, 'py, #k::PyAny>, other: #k::Borrowed<'_, 'py, #k::PyAny>, op: #k::pyclass::CompareOp) -> #k::PyResult<#k::Bound<'py, #k::PyAny>> {
                                #stmts
                                let result = #call;
                                #convert
                            }
                        }
                    },
                    vec![quote!(#k::impl_::pyclass::PyClassSlot::tp_richcompare::<#marker>())],
                )
            }
            "__call__" => {
                self.method(crate::pymethods::Kind::Method, "__call__", out);
                // The method entry made above doubles as the `tp_call` body.
                out.methods.pop();
                let m = self.marker("Method");
                out.slots.push(quote!(#k::impl_::pyclass::PyClassSlot::tp_call::<#m>()));
                return;
            }
            "__traverse__" => {
                let rust = self.rust;
                (
                    quote! {
                        impl #k::impl_::pyclass::PyTraverseImpl for #marker {
                            type Class = #self_ty;
                            fn traverse(slf: &#self_ty, visit: #k::pyclass::PyVisit<'_>) -> ::core::result::Result<(), #k::pyclass::PyTraverseError> {
                                #self_ty::#rust(slf, visit)
                            }
                        }
                    },
                    vec![quote!(#k::impl_::pyclass::PyClassSlot::tp_traverse::<#marker>())],
                )
            }
            _ => {
                // `__clear__`
                let (stmts, call) = self.direct_call_pub(&[], bind);
                (
                    quote! {
                        impl #k::impl_::pyclass::PyClearImpl for #marker {
                            #[allow(unused_variables, unused_mut)]
                            fn clear(py: #k::Python<'_>, slf: #k::Borrowed<'_, '_, #k::PyAny>) -> #k::PyResult<()> {
                                #stmts
                                let result = #call;
                                #k::impl_::argument::ret_unit(py, result).map(|_| ())
                            }
                        }
                    },
                    vec![quote!(#k::impl_::pyclass::PyClassSlot::tp_clear::<#marker>())],
                )
            }
        };
        out.helpers.push(quote! {
            #[allow(non_camel_case_types)]
            struct #marker;
            #item
        });
        out.slots.extend(slots);
    }

    /// `__richcmp__(self, other, op)`: `other` extracted (`NotImplemented` if it does not), `op`
    /// passed as is.
    fn richcmp_call(
        &self,
        bind: (proc_macro2::TokenStream, proc_macro2::TokenStream),
    ) -> (proc_macro2::TokenStream, proc_macro2::TokenStream) {
        let k = self.k;
        let (self_ty, rust) = (self.self_ty, self.rust);
        let mut stmts = vec![bind.0];
        let mut args = vec![bind.1];
        let mut named = 0;
        for (i, p) in self.spec.params.iter().enumerate() {
            let var = quote::format_ident!("arg{}", i);
            let holder = quote::format_ident!("holder{}", i);
            if matches!(p.role, Role::Py) {
                stmts.push(quote!(let #var = py;));
            } else if named == 0 {
                named += 1;
                let ty = &p.ty;
                stmts.push(quote! {
                    let mut #holder = ::core::default::Default::default();
                    let ::core::result::Result::Ok(#var) = <#ty as #k::impl_::argument::FunctionArgument<'_, '_, 'py>>::extract_argument(other, &mut #holder) else {
                        return ::core::result::Result::Ok(py.NotImplemented().into_bound(py));
                    };
                });
            } else {
                stmts.push(quote!(let #var = op;));
            }
            args.push(quote!(#var));
        }
        (quote!(#(#stmts)*), quote!(#self_ty::#rust(#(#args),*)))
    }
}
