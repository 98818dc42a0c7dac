//! Build script: parses every checked-in binding file (`../../sys-*/src/generated/*.rs`) with
//! syn and writes `$OUT_DIR/layouts.rs`: one module per file that `include!`s it, plus the table
//! of the Rust-side sizes, alignments and field offsets of the checked structs.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use quote::ToTokens;

#[path = "src/checked.rs"]
mod checked;

/// Rust keywords bindgen escapes by appending `_` (bindgen 0.73, `ir/context.rs`).
const ESCAPED_KEYWORDS: &[&str] = &[
    "abstract", "alignof", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "offsetof", "override",
    "priv", "proc", "pub", "pure", "ref", "return", "Self", "self", "sizeof", "static", "struct",
    "super", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual",
    "where", "while", "yield", "str", "bool", "f32", "f64", "usize", "isize", "u128", "i128",
    "u64", "i64", "u32", "i32", "u16", "i16", "u8", "i8", "_",
];

/// The items of one generated file that layout resolution needs.
#[derive(Default)]
struct Items {
    /// `pub type X = Y;`: X to Y.
    aliases: HashMap<String, syn::Type>,
    /// Structs and unions by name, with their named fields.
    records: HashMap<String, Vec<syn::Field>>,
}

impl Items {
    fn collect(file: &syn::File) -> Items {
        let mut items = Items::default();
        for item in &file.items {
            match item {
                syn::Item::Type(t) => {
                    items.aliases.insert(t.ident.to_string(), (*t.ty).clone());
                }
                syn::Item::Struct(s) => {
                    let fields = match &s.fields {
                        syn::Fields::Named(n) => n.named.iter().cloned().collect(),
                        _ => Vec::new(),
                    };
                    items.records.insert(s.ident.to_string(), fields);
                }
                syn::Item::Union(u) => {
                    items
                        .records
                        .insert(u.ident.to_string(), u.fields.named.iter().cloned().collect());
                }
                _ => {}
            }
        }
        items
    }

    /// Follows `pub type` aliases from `name` to a struct/union name, if it reaches one.
    fn resolve(&self, name: &str) -> Option<String> {
        let mut current = name.to_string();
        for _ in 0..16 {
            if self.records.contains_key(&current) {
                return Some(current);
            }
            current = single_ident(self.aliases.get(&current)?)?;
        }
        None
    }
}

/// `Foo` for a type that is a bare single-segment path without generics.
fn single_ident(ty: &syn::Type) -> Option<String> {
    let syn::Type::Path(p) = ty else { return None };
    if p.qself.is_some() || p.path.segments.len() != 1 {
        return None;
    }
    let seg = &p.path.segments[0];
    seg.arguments.is_none().then(|| seg.ident.to_string())
}

/// The C member name of a bindgen field name (undoes keyword escaping).
fn c_name(rust: &str) -> String {
    match rust.strip_suffix('_') {
        Some(base) if ESCAPED_KEYWORDS.contains(&base) => base.to_string(),
        _ => rust.to_string(),
    }
}

/// Appends the field rows of record `rec` (a Rust type name) whose offset within the checked
/// struct is `base` + the field's own offset; anonymous members are flattened as C does.
fn field_rows(items: &Items, c_ty: &str, rec: &str, base: &str, out: &mut String) {
    for field in &items.records[rec] {
        let Some(ident) = &field.ident else { continue };
        let name = ident.to_string();
        let offset = format!("{base}::core::mem::offset_of!({rec}, {name})");
        if name.starts_with("__bindgen_anon_") {
            let inner = single_ident(&field.ty)
                .filter(|t| items.records.contains_key(t))
                .unwrap_or_else(|| panic!("{c_ty}.{name}: anonymous member of unknown type"));
            field_rows(items, c_ty, &inner, &format!("{offset} + "), out);
            continue;
        }
        // Bitfield storage and padding have no C member `offsetof` could name.
        if name.starts_with("_bitfield_") || name.starts_with("__bindgen_padding_") {
            continue;
        }
        let ty = field.ty.to_token_stream().to_string();
        let (kind, size) = if ty.contains("__IncompleteArrayField") {
            ("FlexibleField", "0".to_string())
        } else {
            ("Field", format!("::core::mem::size_of::<{ty}>()"))
        };
        let _ = writeln!(
            out,
            "        ::pyroxide_layout_tests::Row {{ ty: {c_ty:?}, field: {:?}, \
             kind: ::pyroxide_layout_tests::RowKind::{kind}, values: [{offset}, {size}] }},",
            c_name(&name)
        );
    }
}

/// The module for one generated file: its `include!`, its rows, and its absent structs.
fn file_module(module: &str, abs: &Path, items: &Items) -> (String, Vec<(String, String)>) {
    let mut rows = String::new();
    let mut absent = Vec::new();
    for &c_ty in checked::CHECKED_STRUCTS {
        let Some(rec) = items.resolve(c_ty) else {
            let why = match items.aliases.get(c_ty) {
                Some(_) => "not a struct",
                None => "not defined",
            };
            absent.push((c_ty.to_string(), why.to_string()));
            continue;
        };
        let fields = &items.records[&rec];
        let named = |n: &str| fields.iter().any(|f| f.ident.as_ref().is_some_and(|i| i == n));
        if fields.len() == 1 && named("_unused") {
            absent.push((c_ty.to_string(), "opaque".to_string()));
            continue;
        }
        let _ = writeln!(
            rows,
            "        ::pyroxide_layout_tests::Row {{ ty: {c_ty:?}, field: \"\", \
             kind: ::pyroxide_layout_tests::RowKind::Struct, \
             values: [::core::mem::size_of::<{c_ty}>(), ::core::mem::align_of::<{c_ty}>()] }},"
        );
        // An opaque blob (bindgen could not lay the fields out) still has a checkable size.
        if !named("_bindgen_opaque_blob") {
            field_rows(items, c_ty, &rec, "", &mut rows);
        }
    }
    let text = format!(
        "#[allow(\n    warnings,\n    unsafe_op_in_unsafe_fn,\n    clippy::all,\n    \
         clippy::undocumented_unsafe_blocks,\n    clippy::missing_safety_doc\n)]\n\
         mod {module} {{\n    include!({:?});\n\n    \
         pub(crate) const LAYOUT_ROWS: &[::pyroxide_layout_tests::Row] = &[\n{rows}    ];\n}}\n",
        abs.display().to_string()
    );
    (text, absent)
}

/// Every `sys-*/src/generated/*.rs` under `root`, sorted, relative to `root`.
fn generated_files(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(root) else { return files };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let dir = entry.path().join("src").join("generated");
        if !name.starts_with("sys-") || !dir.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", dir.display());
        for file in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "rs") {
                files.push(Path::new(&name).join("src/generated").join(file.file_name()));
            }
        }
    }
    files.sort();
    files
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/checked.rs");
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest_dir.join("../..").canonicalize().expect("workspace root");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap());

    let mut modules = String::new();
    let mut table = String::new();
    for rel in generated_files(&root) {
        let abs = root.join(&rel);
        println!("cargo:rerun-if-changed={}", abs.display());
        let text = std::fs::read_to_string(&abs)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", abs.display()));
        let file = syn::parse_file(&text)
            .unwrap_or_else(|e| panic!("cannot parse {}: {e}", abs.display()));
        let items = Items::collect(&file);
        let rel_str = rel.to_string_lossy().replace('\\', "/");
        let module = rel_str
            .trim_end_matches(".rs")
            .replace("/src/generated/", "_")
            .replace(['/', '-', '.'], "_");
        let (text, absent) = file_module(&module, &abs, &items);
        modules.push_str(&text);
        modules.push('\n');
        let absent: Vec<String> =
            absent.iter().map(|(t, why)| format!("({t:?}, {why:?})")).collect();
        let _ = writeln!(
            table,
            "    ::pyroxide_layout_tests::RustFile {{ path: {rel_str:?}, rows: {module}::LAYOUT_ROWS, \
             absent: &[{}] }},",
            absent.join(", ")
        );
    }
    let out = format!(
        "// Generated by tests/layout/build.rs; do not edit.\n\n{modules}\
         /// Every generated binding file found at build time, with its Rust-side layouts.\n\
         pub static RUST_FILES: &[::pyroxide_layout_tests::RustFile] = &[\n{table}];\n"
    );
    std::fs::write(out_dir.join("layouts.rs"), out).expect("write layouts.rs");
}
