//! Round-trip functions for every conversion in both directions (Python → Rust → Python), and a
//! recursive `FromPyObject`, for `test_adversarial.py` and the leak sweep
//! (`tests/reliability/leaks.py`).

use pyo3::prelude::*;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ffi::{CString, OsString};
use std::net::IpAddr;
use std::num::{NonZeroI64, NonZeroU32};
use std::path::PathBuf;
use std::time::Duration;

/// Defines `#[pyfunction] fn $name(x: $t) -> $t { x }` for each pair.
macro_rules! round_trips {
    ($($name:ident: $t:ty),* $(,)?) => {
        $(
            #[doc = concat!("Returns its `", stringify!($t), "` argument.")]
            #[pyfunction]
            pub fn $name(x: $t) -> $t {
                x
            }
        )*
    };
}

round_trips! {
    rt_i8: i8, rt_i16: i16, rt_i32: i32, rt_i64: i64, rt_i128: i128, rt_isize: isize,
    rt_u8: u8, rt_u16: u16, rt_u32: u32, rt_u64: u64, rt_u128: u128, rt_usize: usize,
    rt_f32: f32, rt_f64: f64, rt_bool: bool, rt_char: char, rt_string: String,
    rt_vec: Vec<i64>, rt_vec_str: Vec<String>, rt_nested: Vec<Vec<i64>>,
    rt_array: [i64; 3], rt_tuple: (i64, String, f64), rt_option: Option<i64>,
    rt_hashmap: HashMap<String, i64>, rt_btreemap: BTreeMap<i64, String>,
    rt_hashset: HashSet<i64>, rt_btreeset: BTreeSet<String>, rt_bytes: Vec<u8>,
    rt_cstring: CString, rt_path: PathBuf, rt_osstring: OsString, rt_duration: Duration,
    rt_nonzero_u32: NonZeroU32, rt_nonzero_i64: NonZeroI64, rt_ipaddr: IpAddr,
}

/// Returns its `&str` argument as a `String`. Absent from the stable-ABI build: as in PyO3,
/// `&str` borrows the string's UTF-8 buffer, which the limited API only exposes from 3.10.
#[cfg(not(feature = "abi3-py39"))]
#[pyfunction]
pub fn rt_str(x: &str) -> String {
    x.to_owned()
}

/// Returns its `Cow<str>` argument.
#[pyfunction]
pub fn rt_cow_str(x: Cow<'_, str>) -> String {
    x.into_owned()
}

/// Returns its `&[u8]` argument as `bytes`.
#[pyfunction]
pub fn rt_byte_slice(x: &[u8]) -> Cow<'_, [u8]> {
    Cow::Borrowed(x)
}

/// A tree of integers: `int` or a list of trees (recursive `FromPyObject`).
#[derive(FromPyObject)]
pub enum Tree {
    /// A leaf.
    Leaf(i64),
    /// A list of trees.
    Node(Vec<Tree>),
}

impl Tree {
    fn depth(&self) -> usize {
        match self {
            Tree::Leaf(_) => 0,
            Tree::Node(children) => 1 + children.iter().map(Tree::depth).max().unwrap_or(0),
        }
    }

    fn sum(&self) -> i64 {
        match self {
            Tree::Leaf(x) => *x,
            Tree::Node(children) => children.iter().map(Tree::sum).sum(),
        }
    }
}

impl Drop for Tree {
    // Drops deep trees iteratively, so a tree the recursion limit allowed cannot overflow the
    // stack when it is freed.
    fn drop(&mut self) {
        if let Tree::Node(children) = self {
            let mut stack = std::mem::take(children);
            while let Some(mut t) = stack.pop() {
                if let Tree::Node(c) = &mut t {
                    stack.append(c);
                }
            }
        }
    }
}

/// The depth and the sum of the leaves of a `Tree` (nested lists of ints).
#[pyfunction]
pub fn tree_depth(tree: Tree) -> (usize, i64) {
    (tree.depth(), tree.sum())
}

/// Conversions in both directions, exercised by `test_adversarial.py` and the leak sweep.
#[pymodule]
pub mod conversions {
    #[cfg(not(feature = "abi3-py39"))]
    #[pymodule_export]
    use super::rt_str;
    #[pymodule_export]
    use super::{
        rt_array, rt_bool, rt_btreemap, rt_btreeset, rt_byte_slice, rt_bytes, rt_char, rt_cow_str,
        rt_cstring, rt_duration, rt_f32, rt_f64, rt_hashmap, rt_hashset, rt_i128, rt_i16, rt_i32,
        rt_i64, rt_i8, rt_ipaddr, rt_isize, rt_nested, rt_nonzero_i64, rt_nonzero_u32, rt_option,
        rt_osstring, rt_path, rt_string, rt_tuple, rt_u128, rt_u16, rt_u32, rt_u64, rt_u8,
        rt_usize, rt_vec, rt_vec_str, tree_depth,
    };
}
