//! Number and string formatting entry points used by the runtime: forwards to the
//! CPython-exact implementations in [`crate::format`] (signatures agreed in NOTES-runtime.md).

pub(crate) use crate::format::{
    float_repr, format_big_int, format_float, format_int, format_str, str_repr,
};
