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

pub(crate) mod bigint;
pub(crate) mod builtin_dir;
pub(crate) mod dict;
pub(crate) mod fmt;
pub(crate) mod key_groups;
pub(crate) mod object;
pub(crate) mod ops;
pub(crate) mod suggest;
pub(crate) mod types;
pub(crate) mod unicode;
pub(crate) mod value;
