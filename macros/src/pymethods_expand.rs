//! The expansion of each kind of `#[pymethods]` item into a marker type implementing the
//! runtime's trait for that kind, and its entry in the class's item table.

use crate::function::{FnSpec, Return, Role};
use crate::pymethods::{Kind, Output};
use crate::pymethods_receiver::Receiver;
use crate::wrapper::Convention;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// One item being expanded.
pub struct Ctx<'a> {
    pub k: &'a TokenStream,
    pub self_ty: &'a syn::Type,
    pub rust: &'a syn::Ident,
    pub receiver: Option<&'a Receiver>,
    pub spec: &'a FnSpec,
}

impl Ctx<'_> {
    pub fn marker(&self, prefix: &str) -> syn::Ident {
        format_ident!("__{}_{}", prefix, crate::signature::unraw(self.rust))
    }

    /// The class's Python name (an expression), for error messages.
    fn class_name(&self) -> TokenStream {
        let (k, self_ty) = (self.k, self.self_ty);
        quote!(#k::impl_::pyclass::class_name::<#self_ty>())
    }

    /// The receiver's binding from `slf` (an `Option<Borrowed>` expression).
    fn receiver(&self, slf: TokenStream) -> Option<(TokenStream, TokenStream)> {
        self.receiver.map(|r| r.bind(self.k, self.self_ty, slf))
    }

    fn convert(&self) -> TokenStream {
        let k = self.k;
        match self.spec.ret {
            Return::Unit => quote!(#k::impl_::argument::ret_unit(py, __pyroxide_result)),
            Return::Value => quote!(#k::impl_::argument::ret(py, __pyroxide_result)),
        }
    }

    /// The docstring with `name($self, ...)` in front, for the method table.
    fn doc(&self, py_name: &str, first: Option<&str>) -> TokenStream {
        let text_sig = match &self.spec.text_signature {
            Some(_)
                if self.spec.text_signature == Some(self.spec.signature.text_signature(None)) =>
            {
                Some(self.spec.signature.text_signature(first))
            }
            other => other.clone(),
        };
        let doc = match text_sig {
            Some(sig) => format!("{py_name}{sig}\n--\n\n{}", self.spec.doc),
            None => self.spec.doc.clone(),
        };
        crate::cstr(self.k, &doc)
    }

    /// A method, static method or class method (also `__call__`'s body).
    pub fn method(&self, kind: Kind, py_name: &str, out: &mut Output) {
        let k = self.k;
        let (self_ty, rust) = (self.self_ty, self.rust);
        let marker = self.marker("Method");
        let receiver = match kind {
            Kind::Class => Some((
                quote!(let __pyroxide_cls = #k::impl_::pyclass::class_of(__pyroxide_slf)?;),
                quote!(&*__pyroxide_cls),
            )),
            _ => self.receiver(quote!(__pyroxide_slf)),
        };
        let class = self.class_name();
        let body =
            self.spec.call_body_with(k, Some(&class), py_name, quote!(#self_ty::#rust), receiver);
        out.helpers.push(quote! {
            #[allow(non_camel_case_types)]
            struct #marker;
            impl #k::impl_::pyfunction::PyFunctionImpl for #marker {
                #[inline]
                #[allow(unused_variables, unused_mut, clippy::needless_question_mark)]
                fn call<'__a, '__py, __PyroxideArgs: #k::impl_::extract::ArgSource<'__a, '__py>>(
                    py: #k::Python<'__py>,
                    __pyroxide_slf: ::core::option::Option<#k::Borrowed<'__a, '__py, #k::PyAny>>,
                    __pyroxide_args: __PyroxideArgs,
                ) -> #k::PyResult<#k::Bound<'__py, #k::PyAny>> {
                    #body
                }
            }
        });
        let ctor = match self.spec.convention() {
            Convention::NoArgs => quote!(noargs),
            Convention::OneArg => quote!(one_arg),
            Convention::Keywords => quote!(keywords),
        };
        let first = match kind {
            Kind::Static => None,
            Kind::Class => Some("$cls"),
            _ => Some("$self"),
        };
        let name_c = crate::cstr(k, py_name);
        let doc_c = self.doc(py_name, first);
        let def = format_ident!("__DEF_{}", crate::signature::unraw(rust));
        out.helpers.push(quote! {
            #[allow(non_upper_case_globals)]
            static #def: #k::impl_::pyfunction::PyFunctionDef =
                #k::impl_::pyfunction::PyFunctionDef::#ctor::<#marker>(#name_c, #doc_c);
        });
        let variant = match kind {
            Kind::Static => quote!(StaticMethod),
            Kind::Class => quote!(ClassMethod),
            _ => quote!(Method),
        };
        out.methods.push(quote!(#k::impl_::pyclass::PyMethodDefType::#variant(&#def)));
    }

    /// `#[new]`; with `#[classmethod]` (`with_cls`), it receives the class being instantiated
    /// first.
    pub fn constructor(&self, with_cls: bool, out: &mut Output) {
        let k = self.k;
        let (self_ty, rust) = (self.self_ty, self.rust);
        let marker = self.marker("New");
        let class = self.class_name();
        let cls = with_cls.then(|| (TokenStream::new(), quote!(&*__pyroxide_type)));
        let mut body =
            self.spec.call_body_with(k, Some(&class), "__new__", quote!(#self_ty::#rust), cls);
        // The constructor's result becomes the initializer rather than an object.
        body =
            replace_convert(body, quote!(#k::impl_::pyclass::into_initializer(__pyroxide_result)));
        out.helpers.push(quote! {
            #[allow(non_camel_case_types)]
            struct #marker;
            impl #k::impl_::pyclass::PyClassNewImpl for #marker {
                type Class = #self_ty;
                #[allow(unused_variables, unused_mut, clippy::needless_question_mark)]
                fn new<'__a, '__py, __PyroxideArgs: #k::impl_::extract::ArgSource<'__a, '__py>>(
                    py: #k::Python<'__py>,
                    __pyroxide_type: #k::Borrowed<'__a, '__py, #k::types::PyType>,
                    __pyroxide_args: __PyroxideArgs,
                ) -> #k::PyResult<#k::PyClassInitializer<#self_ty>> {
                    let __pyroxide_slf: ::core::option::Option<#k::Borrowed<'__a, '__py, #k::PyAny>> = ::core::option::Option::None;
                    #body
                }
            }
        });
        out.slots.push(quote!(#k::impl_::pyclass::PyClassSlot::tp_new::<#marker>()));
        out.slots.push(quote!(#k::impl_::pyclass::PyClassSlot::vectorcall_new::<#marker>()));
        out.text_signature.clone_from(&self.spec.text_signature);
    }

    /// The extraction of the non-`py` parameters from the given objects, and the call.
    pub fn direct_call_pub(
        &self,
        inputs: &[TokenStream],
        receiver: (TokenStream, TokenStream),
    ) -> (TokenStream, TokenStream) {
        let k = self.k;
        let (self_ty, rust) = (self.self_ty, self.rust);
        let mut stmts = vec![receiver.0];
        let mut args = vec![receiver.1];
        let mut inputs = inputs.iter();
        for (i, p) in self.spec.params.iter().enumerate() {
            let var = format_ident!("__pyroxide_arg{}", i);
            let holder = format_ident!("__pyroxide_holder{}", i);
            match p.role {
                Role::Py => stmts.push(quote!(let #var = py;)),
                _ => {
                    let ty = &p.ty;
                    let name = crate::signature::unraw(&p.ident);
                    let input =
                        inputs.next().cloned().unwrap_or_else(|| quote!(::core::unreachable!()));
                    stmts.push(quote! {
                        let mut #holder = ::core::default::Default::default();
                        let #var = #k::impl_::argument::extract_argument::<#ty, _>(::core::option::Option::Some(#input), &mut #holder, #name)?;
                    });
                }
            }
            args.push(quote!(#var));
        }
        (quote!(#(#stmts)*), quote!(#self_ty::#rust(#(#args),*)))
    }

    /// A `#[getter]`.
    pub fn getter(&self, py_name: &str, out: &mut Output) {
        let k = self.k;
        let marker = self.marker("Getter");
        let Some(receiver) = self.receiver(quote!(::core::option::Option::Some(__pyroxide_slf)))
        else {
            return;
        };
        let (stmts, call) = self.direct_call_pub(&[], receiver);
        let convert = self.convert();
        out.helpers.push(quote! {
            #[allow(non_camel_case_types)]
            struct #marker;
            impl #k::impl_::pyclass::PyGetterImpl for #marker {
                #[allow(unused_variables, unused_mut)]
                fn get<'py>(py: #k::Python<'py>, __pyroxide_slf: #k::Borrowed<'_, 'py, #k::PyAny>) -> #k::PyResult<#k::Bound<'py, #k::PyAny>> {
                    #stmts
                    let __pyroxide_result = #call;
                    #convert
                }
            }
        });
        let name_c = crate::cstr(k, py_name);
        let doc_c = crate::cstr(k, &self.spec.doc);
        out.methods.push(quote!(#k::impl_::pyclass::PyMethodDefType::Getter(#k::impl_::pyclass::PyGetterDef::new::<#marker>(#name_c, #doc_c))));
    }

    /// A `#[setter]`.
    pub fn setter(&self, py_name: &str, out: &mut Output) {
        let k = self.k;
        let marker = self.marker("Setter");
        let Some(receiver) = self.receiver(quote!(::core::option::Option::Some(__pyroxide_slf)))
        else {
            return;
        };
        let (stmts, call) = self.direct_call_pub(&[quote!(__pyroxide_value)], receiver);
        out.helpers.push(quote! {
            #[allow(non_camel_case_types)]
            struct #marker;
            impl #k::impl_::pyclass::PySetterImpl for #marker {
                #[allow(unused_variables, unused_mut)]
                fn set<'py>(
                    py: #k::Python<'py>,
                    __pyroxide_slf: #k::Borrowed<'_, 'py, #k::PyAny>,
                    __pyroxide_value: ::core::option::Option<#k::Borrowed<'_, 'py, #k::PyAny>>,
                ) -> #k::PyResult<()> {
                    let __pyroxide_value = __pyroxide_value.ok_or_else(#k::impl_::pyclass::deletion_error)?;
                    #stmts
                    let __pyroxide_result = #call;
                    #k::impl_::argument::ret_unit(py, __pyroxide_result).map(|_| ())
                }
            }
        });
        let doc_c = crate::cstr(k, &self.spec.doc);
        out.setters.push((py_name.to_string(), marker, doc_c));
    }

    /// A `#[deleter]`.
    pub fn deleter(&self, py_name: &str, out: &mut Output) {
        let k = self.k;
        let marker = self.marker("Deleter");
        let Some(receiver) = self.receiver(quote!(::core::option::Option::Some(__pyroxide_slf)))
        else {
            return;
        };
        let (stmts, call) = self.direct_call_pub(&[], receiver);
        out.helpers.push(quote! {
            #[allow(non_camel_case_types)]
            struct #marker;
            impl #k::impl_::pyclass::PyDeleterImpl for #marker {
                #[allow(unused_variables, unused_mut)]
                fn delete<'py>(py: #k::Python<'py>, __pyroxide_slf: #k::Borrowed<'_, 'py, #k::PyAny>) -> #k::PyResult<()> {
                    #stmts
                    let __pyroxide_result = #call;
                    #k::impl_::argument::ret_unit(py, __pyroxide_result).map(|_| ())
                }
            }
        });
        out.deleters.push((py_name.to_string(), marker));
    }

    /// A `#[classattr]` function.
    pub fn class_attr(&self, py_name: &str, out: &mut Output) {
        let k = self.k;
        let (self_ty, rust) = (self.self_ty, self.rust);
        let f = self.marker("ClassAttr");
        let args = self.spec.params.iter().map(|_| quote!(py));
        out.helpers.push(quote! {
            #[allow(non_snake_case)]
            fn #f(py: #k::Python<'_>) -> #k::PyResult<#k::Py<#k::PyAny>> {
                #k::impl_::argument::ret(py, #self_ty::#rust(#(#args),*)).map(#k::Bound::unbind)
            }
        });
        out.methods.push(quote!(#k::impl_::pyclass::PyMethodDefType::ClassAttribute(
            #k::impl_::pyclass::PyClassAttributeDef::new(#py_name, #f))));
    }
}

/// Replaces the final conversion of a `call_body` (its last statement) by `convert`.
pub(crate) fn replace_convert(body: TokenStream, convert: TokenStream) -> TokenStream {
    let mut tokens: Vec<proc_macro2::TokenTree> = body.into_iter().collect();
    // The body ends with `let result = callee(...); <path>(py, result)`: cut after the last `;`.
    if let Some(pos) = tokens
        .iter()
        .rposition(|t| matches!(t, proc_macro2::TokenTree::Punct(p) if p.as_char() == ';'))
    {
        tokens.truncate(pos + 1);
    }
    let mut out: TokenStream = tokens.into_iter().collect();
    out.extend(convert);
    out
}
