//! `_struct`: the IEEE 754 conversions `struct.py` needs (`f` and `d` formats), which Python
//! code cannot do exactly by itself.

use std::rc::Rc;

use super::func;
use crate::interp::Interp;
use crate::runtime::object::{Args, Builtin, BuiltinFn, Module};
use crate::runtime::value::{PyResult, Value};

pub(crate) fn struct_module() -> Rc<Module> {
    let m = Module::new("_struct", "<_struct>");
    m.set(
        "pack_float",
        func("pack_float", BuiltinFn::Sync(pack_float)),
    );
    m.set(
        "unpack_float",
        func("unpack_float", BuiltinFn::Sync(unpack_float)),
    );
    m
}

/// `pack_float(x, size, little)`: the 4 or 8 bytes of `x` (an OverflowError when a finite `x`
/// does not fit in a 4-byte float, as CPython's).
fn pack_float(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let (Some(Value::Float(x)), Some(Value::Int(size)), Some(little)) =
        (args.pos.first(), args.pos.get(1), args.pos.get(2))
    else {
        return Err(it.type_error("pack_float(x, size, little)"));
    };
    let little = little.truthy_fast().unwrap_or(false);
    let bytes: Vec<u8> = match size {
        4 => {
            let y = *x as f32;
            if y.is_infinite() && x.is_finite() {
                return Err(it.err("OverflowError", "float too large to pack with f format"));
            }
            if little {
                y.to_le_bytes().to_vec()
            } else {
                y.to_be_bytes().to_vec()
            }
        }
        _ => {
            if little {
                x.to_le_bytes().to_vec()
            } else {
                x.to_be_bytes().to_vec()
            }
        }
    };
    Ok(Value::Bytes(bytes.into()))
}

/// `unpack_float(data, little)`: the float that 4 or 8 bytes hold.
fn unpack_float(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let (Some(Value::Bytes(data)), Some(little)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(it.type_error("unpack_float(data, little)"));
    };
    let little = little.truthy_fast().unwrap_or(false);
    let value = match data.len() {
        4 => {
            let raw: [u8; 4] = data[..].try_into().unwrap_or_default();
            f64::from(if little {
                f32::from_le_bytes(raw)
            } else {
                f32::from_be_bytes(raw)
            })
        }
        _ => {
            let raw: [u8; 8] = data[..].try_into().unwrap_or_default();
            if little {
                f64::from_le_bytes(raw)
            } else {
                f64::from_be_bytes(raw)
            }
        }
    };
    Ok(Value::Float(value))
}
