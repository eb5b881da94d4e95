//! The object model: values, dicts, classes and instances, and value-level operations.

pub mod dict;
pub mod fmt;
pub mod object;
pub mod ops;
pub mod types;
pub mod value;
