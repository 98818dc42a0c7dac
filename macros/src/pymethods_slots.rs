//! Special methods implemented as type slots: each gets a marker implementing the runtime's
//! trait for its C signature (`PyUnaryImpl` for `__repr__`, `PyLenImpl` for `__len__`, …),
//! with its arity checked against what Python passes. Slots served by one method name here;
//! those combining several (`__add__` with `__radd__`, `__setitem__` with `__delitem__`, …)
//! are recorded as fragments and assembled by `pymethods_combine`.

use crate::diag::Errors;
use crate::function::Role;
use crate::pymethods::Output;
use crate::pymethods_expand::Ctx;
use crate::pymethods_ops::{arity, Input, Shape, BINARY_OPS, INPLACE_OPS};
use proc_macro2::TokenStream;
use quote::quote;

/// The shape of `name`'s marker and, for slots served by this method alone, the const fn of
/// `PyClassSlot` naming its entry (`None`: a fragment that `pymethods_combine` assembles).
fn plan(name: &str) -> (Shape, Option<&'static str>) {
    use Shape::*;
    if let Some((_, slot)) = INPLACE_OPS.iter().find(|(n, _)| *n == name) {
        return (Binary { lenient: true, inplace: true }, Some(slot));
    }
    if BINARY_OPS.iter().any(|(f, r, _)| *f == name || *r == name) {
        return (Binary { lenient: true, inplace: false }, None);
    }
    let strict = Binary { lenient: false, inplace: false };
    match name {
        "__repr__" => (Unary, Some("tp_repr")),
        "__str__" => (Unary, Some("tp_str")),
        "__iter__" => (Unary, Some("tp_iter")),
        "__int__" => (Unary, Some("nb_int")),
        "__index__" => (Unary, Some("nb_index")),
        "__float__" => (Unary, Some("nb_float")),
        "__neg__" => (Unary, Some("nb_negative")),
        "__pos__" => (Unary, Some("nb_positive")),
        "__abs__" => (Unary, Some("nb_absolute")),
        "__invert__" => (Unary, Some("nb_invert")),
        "__await__" => (Unary, Some("am_await")),
        "__aiter__" => (Unary, Some("am_aiter")),
        "__next__" => (Next, Some("tp_iternext")),
        "__anext__" => (Next, Some("am_anext")),
        "__hash__" => (Hash, Some("tp_hash")),
        "__len__" => (Len, Some("mp_length")),
        "__bool__" => (Bool, Some("nb_bool")),
        "__contains__" => (Contains, Some("sq_contains")),
        "__clear__" => (Clear, Some("tp_clear")),
        "__traverse__" => (Traverse, Some("tp_traverse")),
        "__richcmp__" => (Richcmp, Some("tp_richcompare")),
        "__getitem__" => (strict, Some("mp_subscript")),
        "__concat__" => (strict, Some("sq_concat")),
        "__inplace_concat__" => (strict, Some("sq_inplace_concat")),
        "__getattr__" | "__getattribute__" => (strict, None),
        "__repeat__" => (Repeat, Some("sq_repeat")),
        "__getbuffer__" => (GetBuffer, Some("bf_getbuffer")),
        "__releasebuffer__" => (ReleaseBuffer, Some("bf_releasebuffer")),
        "__inplace_repeat__" => (Repeat, Some("sq_inplace_repeat")),
        "__get__" => (Ternary { lenient: false, inplace: false }, Some("tp_descr_get")),
        "__ipow__" => (Ternary { lenient: true, inplace: true }, Some("nb_inplace_power")),
        "__pow__" | "__rpow__" => (Ternary { lenient: true, inplace: false }, None),
        "__setitem__" | "__setattr__" | "__set__" => (Set, None),
        "__delitem__" | "__delattr__" | "__delete__" => (Del, None),
        "__lt__" | "__le__" | "__eq__" | "__ne__" | "__gt__" | "__ge__" => {
            (Binary { lenient: true, inplace: false }, None)
        }
        _ => (Call, None),
    }
}

impl Ctx<'_> {
    /// The special method `name` (see [`is_slot`](crate::pymethods_ops::is_slot)).
    pub fn slot(&self, name: &str, out: &mut Output, errors: &mut Errors) {
        let k = self.k;
        let values = self.spec.params.iter().filter(|p| !matches!(p.role, Role::Py)).count();
        if let Some(expected) = arity(name) {
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
        }
        if self.receiver.is_none() {
            errors.error(self.rust.span(), format!("`{name}` must take `self`"));
            return;
        }
        let (shape, slot) = plan(name);
        if name == "__richcmp__" {
            out.has_richcmp = Some(self.rust.span());
        }
        if let Shape::Call = shape {
            // `__call__`, `__init__`: the method entry made here doubles as the slot's body.
            self.method(crate::pymethods::Kind::Method, name, out);
            out.methods.pop();
            let m = self.marker("Method");
            let slot = if name == "__init__" { quote!(tp_init) } else { quote!(tp_call) };
            out.slots.push(quote!(#k::impl_::pyclass::PyClassSlot::#slot::<#m>()));
            return;
        }
        let marker = self.marker("Slot");
        let item = self.slot_impl(shape, &marker);
        out.helpers.push(quote! {
            #[allow(non_camel_case_types)]
            struct #marker;
            #item
        });
        match slot {
            Some("mp_length") => {
                for s in [quote!(mp_length), quote!(sq_length)] {
                    out.slots.push(quote!(#k::impl_::pyclass::PyClassSlot::#s::<#marker>()));
                }
            }
            Some(s) => {
                let s = quote::format_ident!("{}", s);
                out.slots.push(quote!(#k::impl_::pyclass::PyClassSlot::#s::<#marker>()));
            }
            None => out.fragments.push((name.to_string(), marker, self.rust.span())),
        }
    }

    /// The trait impl of `marker` for a method of the given shape.
    fn slot_impl(&self, shape: Shape, marker: &syn::Ident) -> TokenStream {
        let k = self.k;
        let self_ty = self.self_ty;
        let any = quote!(#k::Borrowed<'_, 'py, #k::PyAny>);
        let obj = quote!(#k::PyResult<#k::Bound<'py, #k::PyAny>>);
        let ni = quote!(return ::core::result::Result::Ok(py.NotImplemented().into_bound(py)));
        let lenient = |on: bool| if on { Some(&ni) } else { None };
        let (stmts, call) = match shape {
            Shape::Unary | Shape::Next | Shape::Hash | Shape::Len | Shape::Bool | Shape::Clear => {
                self.call_with(&[], None)
            }
            Shape::Contains => self.call_with(&[Input::Extract(quote!(__pyroxide_value))], None),
            Shape::Binary { lenient: l, .. } => {
                let arg = if l {
                    Input::Lenient(quote!(__pyroxide_arg))
                } else {
                    Input::Extract(quote!(__pyroxide_arg))
                };
                self.call_with(&[arg], lenient(l))
            }
            Shape::Ternary { lenient: l, .. } => {
                let wrap = |t| if l { Input::Lenient(t) } else { Input::Extract(t) };
                self.call_with(
                    &[wrap(quote!(__pyroxide_a)), wrap(quote!(__pyroxide_b))],
                    lenient(l),
                )
            }
            Shape::Richcmp => self.call_with(
                &[Input::Lenient(quote!(__pyroxide_other)), Input::Raw(quote!(__pyroxide_op))],
                None,
            ),
            // The count, made an `int`, extracts as any integer type (a negative count into
            // `usize` raises `OverflowError`).
            Shape::Repeat => {
                self.call_with(&[Input::Extract(quote!(__pyroxide_count.as_borrowed()))], None)
            }
            Shape::Set => self.call_with(
                &[Input::Extract(quote!(__pyroxide_key)), Input::Extract(quote!(__pyroxide_value))],
                None,
            ),
            Shape::Del => self.call_with(&[Input::Extract(quote!(__pyroxide_key))], None),
            Shape::Traverse | Shape::Call | Shape::GetBuffer | Shape::ReleaseBuffer => {
                (TokenStream::new(), TokenStream::new())
            }
        };
        let convert = match self.spec.ret {
            crate::function::Return::Unit => {
                quote!(#k::impl_::argument::ret_unit(py, __pyroxide_result))
            }
            crate::function::Return::Value => {
                quote!(#k::impl_::argument::ret(py, __pyroxide_result))
            }
        };
        let unit = quote!(#k::impl_::argument::ret_unit(py, __pyroxide_result).map(|_| ()));
        let allow = quote!(#[allow(unused_variables, unused_mut)]);
        let p = quote!(#k::impl_::pyclass);
        match shape {
            Shape::Unary => quote! {
                impl #p::PyUnaryImpl for #marker {
                    #allow
                    fn call<'py>(py: #k::Python<'py>, __pyroxide_slf: #any) -> #obj {
                        #stmts
                        let __pyroxide_result = #call;
                        #convert
                    }
                }
            },
            Shape::Next => quote! {
                impl #p::PyIterNextImpl for #marker {
                    #allow
                    fn next<'py>(py: #k::Python<'py>, __pyroxide_slf: #any) -> #k::PyResult<::core::option::Option<#k::Bound<'py, #k::PyAny>>> {
                        #stmts
                        let __pyroxide_result = #call;
                        #[allow(unused_imports)]
                        use #p::{NextKindOption as _, NextKindValue as _};
                        (&&#p::NextTag::of(&__pyroxide_result)).kind().convert(py, __pyroxide_result)
                    }
                }
            },
            Shape::Hash | Shape::Len | Shape::Bool => {
                let (trait_, method, ret, output) = match shape {
                    Shape::Hash => {
                        (quote!(PyHashImpl), quote!(hash), quote!(isize), quote!(hash_output))
                    }
                    Shape::Len => {
                        (quote!(PyLenImpl), quote!(len), quote!(usize), quote!(len_output))
                    }
                    _ => (quote!(PyInquiryImpl), quote!(call), quote!(bool), quote!(bool_output)),
                };
                quote! {
                    impl #p::#trait_ for #marker {
                        #allow
                        fn #method<'py>(py: #k::Python<'py>, __pyroxide_slf: #any) -> #k::PyResult<#ret> {
                            #stmts
                            #p::#output(#call)
                        }
                    }
                }
            }
            Shape::Contains => quote! {
                impl #p::PyContainsImpl for #marker {
                    #allow
                    fn contains<'py>(py: #k::Python<'py>, __pyroxide_slf: #any, __pyroxide_value: #any) -> #k::PyResult<bool> {
                        #stmts
                        #p::bool_output(#call)
                    }
                }
            },
            Shape::Clear => quote! {
                impl #p::PyClearImpl for #marker {
                    #allow
                    fn clear<'py>(py: #k::Python<'py>, __pyroxide_slf: #any) -> #k::PyResult<()> {
                        #stmts
                        let __pyroxide_result = #call;
                        #unit
                    }
                }
            },
            Shape::Binary { inplace, .. } => {
                let finish = if inplace {
                    quote!(#p::inplace_output(__pyroxide_slf, __pyroxide_result))
                } else {
                    convert
                };
                quote! {
                    impl #p::PyBinaryImpl for #marker {
                        #allow
                        fn call<'py>(py: #k::Python<'py>, __pyroxide_slf: #any, __pyroxide_arg: #any) -> #obj {
                            #stmts
                            let __pyroxide_result = #call;
                            #finish
                        }
                    }
                }
            }
            Shape::Ternary { inplace, .. } => {
                let finish = if inplace {
                    quote!(#p::inplace_output(__pyroxide_slf, __pyroxide_result))
                } else {
                    convert
                };
                quote! {
                    impl #p::PyTernaryImpl for #marker {
                        #allow
                        fn call<'py>(py: #k::Python<'py>, __pyroxide_slf: #any, __pyroxide_a: #any, __pyroxide_b: #any) -> #obj {
                            #stmts
                            let __pyroxide_result = #call;
                            #finish
                        }
                    }
                }
            }
            Shape::Richcmp => quote! {
                impl #p::PyRichCompareImpl for #marker {
                    #allow
                    fn richcmp<'py>(py: #k::Python<'py>, __pyroxide_slf: #any, __pyroxide_other: #any, __pyroxide_op: #k::pyclass::CompareOp) -> #obj {
                        #stmts
                        let __pyroxide_result = #call;
                        #convert
                    }
                }
            },
            Shape::Repeat => quote! {
                impl #p::PyRepeatImpl for #marker {
                    #allow
                    fn call<'py>(py: #k::Python<'py>, __pyroxide_slf: #any, __pyroxide_count: isize) -> #obj {
                        let __pyroxide_count = #p::count_argument(py, __pyroxide_count);
                        #stmts
                        let __pyroxide_result = #call;
                        #convert
                    }
                }
            },
            Shape::Set => quote! {
                impl #p::PySetSlotImpl for #marker {
                    #allow
                    fn set<'py>(py: #k::Python<'py>, __pyroxide_slf: #any, __pyroxide_key: #any, __pyroxide_value: #any) -> #k::PyResult<()> {
                        #stmts
                        let __pyroxide_result = #call;
                        #unit
                    }
                }
            },
            Shape::Del => quote! {
                impl #p::PyDelSlotImpl for #marker {
                    #allow
                    fn del<'py>(py: #k::Python<'py>, __pyroxide_slf: #any, __pyroxide_key: #any) -> #k::PyResult<()> {
                        #stmts
                        let __pyroxide_result = #call;
                        #unit
                    }
                }
            },
            Shape::Traverse => {
                let rust = self.rust;
                quote! {
                    impl #p::PyTraverseImpl for #marker {
                        type Class = #self_ty;
                        fn traverse(__pyroxide_slf: &#self_ty, __pyroxide_visit: #k::pyclass::PyVisit<'_>) -> ::core::result::Result<(), #k::pyclass::PyTraverseError> {
                            #self_ty::#rust(__pyroxide_slf, __pyroxide_visit)
                        }
                    }
                }
            }
            Shape::GetBuffer | Shape::ReleaseBuffer => self.buffer_impl(shape, marker),
            Shape::Call => TokenStream::new(),
        }
    }

    /// `__getbuffer__`/`__releasebuffer__`: the method (an `unsafe fn` in PyO3) is handed to
    /// `impl_` as a function pointer with the bound receiver; `impl_` supplies the view.
    fn buffer_impl(&self, shape: Shape, marker: &syn::Ident) -> TokenStream {
        let k = self.k;
        let (self_ty, rust) = (self.self_ty, self.rust);
        let p = quote!(#k::impl_::pyclass);
        let receiver = self.receiver.expect("slots take self");
        let (bind, recv) = receiver.bind_or(
            k,
            self_ty,
            quote!(::core::option::Option::Some(__pyroxide_slf)),
            None,
        );
        let any = quote!(#k::Borrowed<'_, 'py, #k::PyAny>);
        if let Shape::GetBuffer = shape {
            quote! {
                impl #p::PyGetBufferImpl for #marker {
                    fn get_buffer<'py>(py: #k::Python<'py>, __pyroxide_slf: #any, __pyroxide_view: #p::BufferView<'_>, __pyroxide_flags: ::core::ffi::c_int) -> #k::PyResult<()> {
                        #bind
                        #p::get_buffer_with(#self_ty::#rust, #recv, __pyroxide_view, __pyroxide_flags)
                    }
                }
            }
        } else {
            quote! {
                impl #p::PyReleaseBufferImpl for #marker {
                    fn release_buffer<'py>(py: #k::Python<'py>, __pyroxide_slf: #any, __pyroxide_view: #p::BufferView<'_>) -> #k::PyResult<()> {
                        #bind
                        #p::release_buffer_with(#self_ty::#rust, #recv, __pyroxide_view)
                    }
                }
            }
        }
    }
}
