//! A minimal extension module written against the sys crates alone.
