//! The object model: values, dicts, classes and instances, and value-level operations.

/// Implements `Debug` as an opaque `<TypeName>` (for types holding futures, closures or
/// cyclic references, whose contents are not useful to print).
macro_rules! opaque_debug {
    ($($t:ty),* $(,)?) => {
        $(impl std::fmt::Debug for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(concat!("<", stringify!($t), ">"))
            }
        })*
    };
}
pub(crate) use opaque_debug;

pub mod dict;
pub mod fmt;
pub mod key_groups;
pub mod object;
pub mod ops;
pub mod suggest;
pub mod types;
pub mod value;
