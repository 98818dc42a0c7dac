//! Shared helpers for the integration tests that embed the interpreter through the sys crates.
