//! The element side of buffers: the `Element` contract (which Rust types may view a buffer's
//! memory, by format) and `ReadOnlyCell`, the read-only view of memory other code may change.

use crate::buffer::ElementType;
use std::cell::UnsafeCell;
use std::ffi::CStr;

/// Types that can be the elements of a [`PyBuffer`](crate::buffer::PyBuffer).
///
/// # Safety
/// Every bit pattern of `size_of::<Self>()` bytes must be a valid `Self` when
/// `is_compatible_format` accepts the buffer's format: the buffer's memory is reinterpreted as
/// `Self` without further checks.
pub unsafe trait Element: Copy {
    /// Whether a buffer of this `format` (a `struct` module format string) can be read as
    /// elements of this type.
    fn is_compatible_format(format: &CStr) -> bool;
}

/// Whether the byte-order prefix `c` of a format string matches this target's byte order.
fn is_matching_endian(c: u8) -> bool {
    match c {
        b'@' | b'=' | b'<' => cfg!(target_endian = "little"),
        b'>' | b'!' => cfg!(target_endian = "big"),
        _ => false,
    }
}

macro_rules! impl_element {
    ($t:ty, $f:ident) => {
        // SAFETY: every bit pattern of the primitive's size is a valid value of this numeric
        // type, and the format check guarantees the item size and kind match.
        unsafe impl Element for $t {
            fn is_compatible_format(format: &CStr) -> bool {
                let slice = format.to_bytes();
                if slice.len() > 1 && !is_matching_endian(slice[0]) {
                    return false;
                }
                ElementType::from_format(format)
                    == ElementType::$f { bytes: std::mem::size_of::<$t>() }
            }
        }
    };
}

impl_element!(u8, UnsignedInteger);
impl_element!(u16, UnsignedInteger);
impl_element!(u32, UnsignedInteger);
impl_element!(u64, UnsignedInteger);
impl_element!(usize, UnsignedInteger);
impl_element!(i8, SignedInteger);
impl_element!(i16, SignedInteger);
impl_element!(i32, SignedInteger);
impl_element!(i64, SignedInteger);
impl_element!(isize, SignedInteger);
impl_element!(f32, Float);
impl_element!(f64, Float);

/// Like [`std::cell::Cell`], but only allows reading: the memory it views may be changed by
/// other code at any time, so no reference to the value is ever handed out.
#[repr(transparent)]
pub struct ReadOnlyCell<T: Element>(UnsafeCell<T>);

impl<T: Element> ReadOnlyCell<T> {
    /// A copy of the current value.
    #[inline]
    pub fn get(&self) -> T {
        // SAFETY: the cell views initialised memory of a live buffer (its `Element` contract
        // makes any bit pattern valid); the value is copied out, never referenced.
        unsafe { *self.0.get() }
    }

    /// A pointer to the value.
    #[inline]
    pub fn as_ptr(&self) -> *const T {
        self.0.get()
    }
}
