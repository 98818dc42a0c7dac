//! Matching the arguments of a call from Python against a Rust function's signature: the
//! static [`FunctionDescription`] the macros emit, the argument sources of each calling
//! convention ([`ArgSource`]), and the CPython-worded errors for missing, surplus, duplicate and
//! unexpected arguments. Extraction writes into a stack array the caller provides: no heap
//! allocation unless the function takes `*args` or `**kwargs`.

use crate::err::{PyErr, PyResult};
use crate::exceptions::PyTypeError;
use crate::instance::{Borrowed, Bound, Py};
use crate::marker::Python;
use crate::sync::PyOnceLock;
use crate::types::{
    PyAny, PyAnyMethods, PyDict, PyDictMethods, PyString, PyStringMethods, PyTuple,
};

/// How a parameter may be passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// Before `/` in the signature.
    PositionalOnly,
    /// Positionally or by name.
    PositionalOrKeyword,
    /// After `*` or `*args`.
    KeywordOnly,
}

/// One named parameter.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    /// The Python name.
    pub name: &'static str,
    /// How it may be passed.
    pub kind: ParamKind,
    /// Whether a call must supply it (it has no default).
    pub required: bool,
}

/// A function's signature as Python sees it: positional parameters first, then keyword-only
/// ones; whether it takes `*args` and `**kwargs`.
pub struct FunctionDescription {
    /// The Python name of the class, for a method (`Class.method` in error messages).
    pub class: Option<&'static str>,
    /// The function's Python name (`f`, or `method` of `Class.method`).
    pub name: &'static str,
    /// All named parameters, positional ones first, in order.
    pub params: &'static [Param],
    /// How many of `params` may be given positionally.
    pub positional: usize,
    /// Whether surplus positional arguments are collected into `*args`.
    pub varargs: bool,
    /// Whether unknown keyword arguments are collected into `**kwargs`.
    pub varkw: bool,
    /// The parameter names as interned strings, for matching keywords by pointer.
    pub interned: PyOnceLock<Box<[Py<PyString>]>>,
}

/// The `*args` and `**kwargs` of one call, when the function takes them.
pub struct Extra<'py> {
    /// Surplus positional arguments (`*args`), if the function takes them.
    pub varargs: Option<Bound<'py, PyTuple>>,
    /// Unknown keyword arguments (`**kwargs`), if the function takes them and there are any.
    pub varkw: Option<Bound<'py, PyDict>>,
}

/// The arguments of a call in one of the C calling conventions.
pub trait ArgSource<'a, 'py>: Sized {
    /// Matches the arguments against `desc`, writing parameter `i`'s argument to `out[i]`
    /// (`out.len() == desc.params.len()`), and checks that every required parameter is given.
    fn extract(
        self,
        desc: &FunctionDescription,
        out: &mut [Option<Borrowed<'a, 'py, PyAny>>],
    ) -> PyResult<Extra<'py>>;

    /// As [`ArgSource::extract`], for a function without `*args` and `**kwargs` (so nothing
    /// but the slots to return): the common call (positional arguments only, exactly one per
    /// parameter) fills the slots directly; anything else goes to the general matching.
    #[inline]
    fn extract_fixed(
        self,
        desc: &FunctionDescription,
        out: &mut [Option<Borrowed<'a, 'py, PyAny>>],
    ) -> PyResult<()> {
        self.extract(desc, out).map(drop)
    }
}

/// Positional arguments and keyword arguments as slices (fastcall, vectorcall).
pub struct FastcallArgs<'a, 'py> {
    pub(crate) py: Python<'py>,
    /// Positional arguments, then the values of the keyword arguments.
    pub(crate) args: &'a [Borrowed<'a, 'py, PyAny>],
    pub(crate) nargs: usize,
    pub(crate) kwnames: Option<Borrowed<'a, 'py, PyTuple>>,
}

/// Positional arguments as a tuple and keyword arguments as a dict (`METH_VARARGS |
/// METH_KEYWORDS`, `tp_new`, `tp_init`, `tp_call`).
pub struct TupleArgs<'a, 'py> {
    pub(crate) args: Borrowed<'a, 'py, PyTuple>,
    /// The keyword arguments, copied out of the dict (which the caller could change while an
    /// argument is extracted) as `(name, value)` pairs that the entry point keeps alive.
    pub(crate) kwargs: Option<&'a [(Bound<'py, PyAny>, Bound<'py, PyAny>)]>,
}

/// No arguments (`METH_NOARGS`).
pub struct NoArgs;

/// Exactly one positional argument (`METH_O`).
pub struct OneArg<'a, 'py>(pub(crate) Borrowed<'a, 'py, PyAny>);

impl FunctionDescription {
    /// Matches one keyword argument: its parameter's slot, filled or refused. A positional-only
    /// parameter's name without `**kwargs` is `Ok(Some(i))`, refused by the caller once every
    /// keyword is seen, so that the error names them all.
    fn keyword<'a, 'py>(
        &self,
        py: Python<'py>,
        name: Borrowed<'a, 'py, PyAny>,
        value: Borrowed<'a, 'py, PyAny>,
        out: &mut [Option<Borrowed<'a, 'py, PyAny>>],
        varkw: &mut Option<Bound<'py, PyDict>>,
    ) -> PyResult<Option<usize>> {
        match self.find_param(py, name)? {
            Some(i) if self.params[i].kind != ParamKind::PositionalOnly => {
                if out[i].is_some() {
                    return Err(self.multiple_values(i));
                }
                out[i] = Some(value);
                Ok(None)
            }
            found => {
                if self.varkw {
                    let dict = varkw.get_or_insert_with(|| PyDict::new(py));
                    return dict.set_item(name, value).map(|()| None);
                }
                match found {
                    Some(i) => Ok(Some(i)),
                    None => Err(self.unexpected_keyword(name)),
                }
            }
        }
    }

    /// The index of the parameter called `name`: by pointer against the interned names, then
    /// by value.
    #[inline]
    fn find_param(&self, py: Python<'_>, name: Borrowed<'_, '_, PyAny>) -> PyResult<Option<usize>> {
        let interned = self.interned.get_or_init(py, || {
            self.params.iter().map(|p| PyString::intern(py, p.name).unbind()).collect()
        });
        if let Some(i) = interned.iter().position(|s| s.as_ptr() == name.as_ptr()) {
            return Ok(Some(i));
        }
        self.find_param_slow(name)
    }

    #[cold]
    fn find_param_slow(&self, name: Borrowed<'_, '_, PyAny>) -> PyResult<Option<usize>> {
        let Ok(name) = name.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "{}() keywords must be strings",
                self.display()
            )));
        };
        let name = name.to_cow()?;
        Ok(self.params.iter().position(|p| p.name == name))
    }

    /// Checks that every required parameter got an argument.
    #[inline]
    fn check_required(&self, out: &[Option<Borrowed<'_, '_, PyAny>>]) -> PyResult<()> {
        if self.params.iter().zip(out).any(|(p, o)| p.required && o.is_none()) {
            return Err(self.missing(out));
        }
        Ok(())
    }

    /// Matches positional arguments (`get(i)` for `i < nargs`) and keyword arguments, then
    /// checks that every required parameter got one.
    #[inline]
    fn match_args<'a, 'py>(
        &self,
        py: Python<'py>,
        nargs: usize,
        get: impl Fn(usize) -> Borrowed<'a, 'py, PyAny>,
        keywords: impl Iterator<Item = (Borrowed<'a, 'py, PyAny>, Borrowed<'a, 'py, PyAny>)>,
        out: &mut [Option<Borrowed<'a, 'py, PyAny>>],
    ) -> PyResult<Extra<'py>> {
        let taken = nargs.min(self.positional);
        for (i, slot) in out.iter_mut().enumerate().take(taken) {
            *slot = Some(get(i));
        }
        let varargs = if self.varargs {
            Some(PyTuple::new(py, (taken..nargs).map(|i| get(i).to_owned()))?)
        } else if nargs > self.positional {
            return Err(self.too_many_positional(nargs));
        } else {
            None
        };
        let mut varkw = None;
        // Positional-only parameters named by keyword, in the order given (allocated only then).
        let mut positional_only = Vec::new();
        for (name, value) in keywords {
            if let Some(i) = self.keyword(py, name, value, out, &mut varkw)? {
                positional_only.push(self.params[i].name);
            }
        }
        if !positional_only.is_empty() {
            return Err(self.positional_only_as_keyword(&positional_only));
        }
        self.check_required(out)?;
        Ok(Extra { varargs, varkw })
    }
}

impl<'a, 'py> ArgSource<'a, 'py> for FastcallArgs<'a, 'py> {
    #[inline]
    fn extract(
        self,
        desc: &FunctionDescription,
        out: &mut [Option<Borrowed<'a, 'py, PyAny>>],
    ) -> PyResult<Extra<'py>> {
        fastcall_match(self, desc, out)
    }

    #[inline]
    fn extract_fixed(
        self,
        desc: &FunctionDescription,
        out: &mut [Option<Borrowed<'a, 'py, PyAny>>],
    ) -> PyResult<()> {
        // Exactly one positional argument per parameter and no keywords (`args` then holds
        // only the positional ones): every slot is filled, nothing can be missing or surplus.
        // `out.len()` is a constant in the generated wrapper.
        if self.args.len() == out.len() && self.nargs == out.len() && desc.positional == out.len() {
            for (slot, arg) in out.iter_mut().zip(self.args) {
                *slot = Some(*arg);
            }
            return Ok(());
        }
        fastcall_match(self, desc, out).map(drop)
    }
}

/// The general matching of a fastcall argument vector, kept out of line (one copy for all
/// functions).
#[inline(never)]
fn fastcall_match<'a, 'py>(
    args: FastcallArgs<'a, 'py>,
    desc: &FunctionDescription,
    out: &mut [Option<Borrowed<'a, 'py, PyAny>>],
) -> PyResult<Extra<'py>> {
    let (positional, values) = args.args.split_at(args.nargs);
    let names = args.kwnames;
    let keywords = values.iter().enumerate().map(move |(i, value)| {
        // `names` is Some whenever there are keyword values.
        let names = names.unwrap_or_else(|| unreachable!());
        (crate::ffi::api::tuple_get_borrowed(names, i), *value)
    });
    desc.match_args(args.py, args.nargs, |i| positional[i], keywords, out)
}

impl<'a, 'py> ArgSource<'a, 'py> for TupleArgs<'a, 'py> {
    #[inline]
    fn extract(
        self,
        desc: &FunctionDescription,
        out: &mut [Option<Borrowed<'a, 'py, PyAny>>],
    ) -> PyResult<Extra<'py>> {
        tuple_match(self, desc, out)
    }

    #[inline]
    fn extract_fixed(
        self,
        desc: &FunctionDescription,
        out: &mut [Option<Borrowed<'a, 'py, PyAny>>],
    ) -> PyResult<()> {
        let args = self.args;
        let no_keywords = self.kwargs.map_or(true, |k| k.is_empty());
        if no_keywords
            && desc.positional == out.len()
            && crate::ffi::api::tuple_len(&args) == out.len()
        {
            for (i, slot) in out.iter_mut().enumerate() {
                *slot = Some(crate::ffi::api::tuple_get_borrowed(args, i));
            }
            return Ok(());
        }
        tuple_match(self, desc, out).map(drop)
    }
}

/// The general matching of an argument tuple and keyword pairs, kept out of line.
#[inline(never)]
fn tuple_match<'a, 'py>(
    args: TupleArgs<'a, 'py>,
    desc: &FunctionDescription,
    out: &mut [Option<Borrowed<'a, 'py, PyAny>>],
) -> PyResult<Extra<'py>> {
    let pairs = args.kwargs.unwrap_or_default();
    let args = args.args;
    let nargs = crate::ffi::api::tuple_len(&args);
    let get = move |i| crate::ffi::api::tuple_get_borrowed(args, i);
    let keywords = pairs.iter().map(|(k, v)| (k.as_borrowed(), v.as_borrowed()));
    desc.match_args(args.py(), nargs, get, keywords, out)
}

impl<'a, 'py> ArgSource<'a, 'py> for NoArgs {
    #[inline]
    fn extract(
        self,
        _desc: &FunctionDescription,
        _out: &mut [Option<Borrowed<'a, 'py, PyAny>>],
    ) -> PyResult<Extra<'py>> {
        Ok(Extra { varargs: None, varkw: None })
    }
}

impl<'a, 'py> ArgSource<'a, 'py> for OneArg<'a, 'py> {
    #[inline]
    fn extract(
        self,
        _desc: &FunctionDescription,
        out: &mut [Option<Borrowed<'a, 'py, PyAny>>],
    ) -> PyResult<Extra<'py>> {
        out[0] = Some(self.0);
        Ok(Extra { varargs: None, varkw: None })
    }
}

// Errors, worded as CPython words them for Python functions.
impl FunctionDescription {
    /// The name in messages: `f`, or `Class.method` with the class's Python name.
    #[cold]
    fn display(&self) -> std::borrow::Cow<'static, str> {
        match self.class {
            Some(class) => format!("{class}.{}", self.name).into(),
            None => self.name.into(),
        }
    }

    #[cold]
    fn too_many_positional(&self, given: usize) -> PyErr {
        let max = self.positional;
        let min = self.params[..max].iter().filter(|p| p.required).count();
        let s = if min == max && max == 1 { "" } else { "s" };
        let takes = if min == max { format!("{max}") } else { format!("from {min} to {max}") };
        let were = if given == 1 { "was" } else { "were" };
        PyTypeError::new_err(format!(
            "{}() takes {takes} positional argument{s} but {given} {were} given",
            self.display()
        ))
    }

    #[cold]
    fn multiple_values(&self, i: usize) -> PyErr {
        PyTypeError::new_err(format!(
            "{}() got multiple values for argument '{}'",
            self.display(),
            self.params[i].name
        ))
    }

    #[cold]
    fn positional_only_as_keyword(&self, names: &[&str]) -> PyErr {
        PyTypeError::new_err(format!(
            "{}() got some positional-only arguments passed as keyword arguments: {}",
            self.display(),
            join_names(names)
        ))
    }

    #[cold]
    fn unexpected_keyword(&self, name: Borrowed<'_, '_, PyAny>) -> PyErr {
        let name = name.str().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        PyTypeError::new_err(format!(
            "{}() got an unexpected keyword argument '{name}'",
            self.display()
        ))
    }

    #[cold]
    fn missing(&self, out: &[Option<Borrowed<'_, '_, PyAny>>]) -> PyErr {
        let missing = |keyword_only: bool| -> Vec<&str> {
            self.params
                .iter()
                .zip(out)
                .filter(|(p, o)| {
                    p.required && o.is_none() && (p.kind == ParamKind::KeywordOnly) == keyword_only
                })
                .map(|(p, _)| p.name)
                .collect()
        };
        let positional = missing(false);
        let (names, kind) = if positional.is_empty() {
            (missing(true), "keyword")
        } else {
            (positional, "positional")
        };
        let s = if names.len() == 1 { "" } else { "s" };
        PyTypeError::new_err(format!(
            "{}() missing {} required {kind} argument{s}: {}",
            self.display(),
            names.len(),
            join_names(&names)
        ))
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`, as CPython lists missing arguments.
fn join_names(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first, second] => format!("{first} and {second}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}
