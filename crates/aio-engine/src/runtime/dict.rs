//! An insertion-ordered hash map with Python key semantics (`1 == 1.0 == True`), used for
//! dicts, sets, instance attributes and module globals.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;

use super::object::NativeObj;
use super::value::Value;

/// A small, fast, deterministic hasher (FxHash): no randomness, so runs are reproducible.
#[derive(Default, Clone, Copy, Debug)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(buf));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(SEED);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(n as u64);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// `HashMap` with [`FxHasher`].
pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A hashable projection of a Python value: equal Python keys map to equal `HashKey`s.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub(crate) enum HashKey {
    None,
    Int(i64),
    /// Ints past 64 bits (and the floats equal to them).
    BigInt(Rc<num_bigint::BigInt>),
    /// Non-integral floats by bit pattern.
    Float(u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[HashKey]>),
    /// Objects hashed by identity (instances, functions, classes, futures...).
    Id(usize),
    /// Instances of a class with its own `__hash__`: every object equal to another (by its
    /// `__eq__`, among those of the same hash) has the same group (see
    /// [`super::key_groups`]); `hash` is what its `__hash__` returned.
    Custom {
        group: usize,
        hash: i64,
    },
    /// A generic alias (`list[int]`): its origin's key, then its arguments'.
    Alias(Rc<[HashKey]>),
    /// A union (`int | None`): its members' keys, in the order of their hashes.
    Union(Rc<[HashKey]>),
    /// A frozenset: its members' keys in a canonical order (by hash, then by key).
    FrozenSet(Rc<[HashKey]>),
    Ellipsis,
}

impl HashKey {
    /// The key for `v`, or `None` when `v` is unhashable (list, dict, set).
    pub(crate) fn of(v: &Value) -> Option<HashKey> {
        Some(match v {
            Value::None => HashKey::None,
            Value::Bool(b) => HashKey::Int(*b as i64),
            Value::Int(i) => HashKey::Int(*i),
            Value::BigInt(i) => HashKey::BigInt(i.clone()),
            Value::Float(x) => {
                if x.fract() == 0.0 && x.is_finite() {
                    // Equal to an int, so filed as that int.
                    match super::bigint::of_integral_float(*x) {
                        Value::Int(i) => HashKey::Int(i),
                        Value::BigInt(i) => HashKey::BigInt(i),
                        _ => unreachable!("of_integral_float returns an int"),
                    }
                } else {
                    HashKey::Float(x.to_bits())
                }
            }
            Value::Str(s) => HashKey::Str(s.clone()),
            Value::Bytes(b) => HashKey::Bytes(b.clone()),
            Value::Tuple(items) => {
                let mut keys = Vec::with_capacity(items.len());
                for item in items.iter() {
                    keys.push(HashKey::of(item)?);
                }
                HashKey::Tuple(keys.into())
            }
            Value::Set(d) if d.borrow().frozen => HashKey::frozen_set(d.borrow().hash_keys()),
            Value::List(_)
            | Value::ByteArray(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Slice(_) => return None,
            Value::Ellipsis => HashKey::Ellipsis,
            Value::Instance(inst) => match inst.key_group.get() {
                Some((group, hash)) => HashKey::Custom { group, hash },
                // `__hash__ = None` (or `__eq__` without `__hash__`): unhashable.
                None if matches!(inst.class.lookup("__hash__"), Some(Value::None)) => return None,
                // A subclass of tuple hashes as its items; of list or dict, not at all (unless
                // the subclass says how).
                None if inst.items.is_some() && inst.class.lookup_own("__hash__").is_none() => {
                    return match &inst.items {
                        Some(
                            items @ (Value::Tuple(_)
                            | Value::Str(_)
                            | Value::Int(_)
                            | Value::BigInt(_)),
                        ) => HashKey::of(items),
                        _ => None,
                    };
                }
                None => HashKey::Id(v.identity()),
            },
            Value::Native(native) => match &**native {
                NativeObj::GenericAlias { origin, args } => HashKey::Alias(
                    std::iter::once(origin)
                        .chain(args.iter())
                        .map(HashKey::of)
                        .collect::<Option<_>>()?,
                ),
                NativeObj::UnionType(members) => {
                    let mut keys = members
                        .iter()
                        .map(HashKey::of)
                        .collect::<Option<Vec<_>>>()?;
                    keys.sort_by_key(HashKey::py_hash);
                    HashKey::Union(keys.into())
                }
                _ => HashKey::Id(v.identity()),
            },
            other => HashKey::Id(other.identity()),
        })
    }

    /// Whether `v`'s key needs the interpreter: an object whose class has its own `__hash__`
    /// and that has not been hashed yet (see `Interp::hash_key`), or a tuple holding one.
    pub(crate) fn needs_interp(v: &Value) -> bool {
        match v {
            Value::Instance(inst) => {
                inst.key_group.get().is_none()
                    && inst
                        .class
                        .lookup("__hash__")
                        .is_some_and(|hash| !matches!(hash, Value::None | Value::Native(_)))
            }
            Value::Tuple(items) => items.iter().any(HashKey::needs_interp),
            _ => false,
        }
    }

    /// Python's `hash()` for the key (ints hash to themselves like CPython; others stable).
    /// The key of a frozenset with these members (equal sets, equal keys).
    pub(crate) fn frozen_set(mut members: Vec<HashKey>) -> HashKey {
        members.sort_by_cached_key(|k| (k.py_hash(), format!("{k:?}")));
        HashKey::FrozenSet(members.into())
    }

    pub(crate) fn py_hash(&self) -> i64 {
        match self {
            HashKey::None => 0x5f5e100,
            HashKey::Int(i) => super::bigint::small_hash(*i),
            HashKey::Float(bits) => super::bigint::float_hash(f64::from_bits(*bits)),
            HashKey::BigInt(i) => super::bigint::hash(i),
            HashKey::Custom { hash, .. } => *hash,
            HashKey::Tuple(items) => tuple_hash(items.iter().map(HashKey::py_hash)),
            // As CPython: the origin's hash xor the arguments' tuple's.
            HashKey::Alias(keys) => match keys.split_first() {
                Some((origin, args)) => {
                    origin.py_hash() ^ tuple_hash(args.iter().map(HashKey::py_hash))
                }
                None => 0,
            },
            // Order-free, as typing's Union hashes its members.
            HashKey::Union(keys) => keys.iter().fold(0, |acc, key| acc ^ key.py_hash()),
            HashKey::FrozenSet(keys) => {
                frozenset_hash(keys.iter().map(HashKey::py_hash), keys.len())
            }
            other => {
                let mut h = FxHasher::default();
                other.hash(&mut h);
                (h.finish() >> 1) as i64
            }
        }
    }
}

/// CPython's hash of a frozenset whose members hash to `hashes` (`Objects/setobject.c`).
fn frozenset_hash(hashes: impl Iterator<Item = i64>, len: usize) -> i64 {
    let shuffle = |h: u64| ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167);
    let mut hash = hashes.fold(0u64, |acc, h| acc ^ shuffle(h as u64));
    hash ^= (len as u64 + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        hash = 590_923_713;
    }
    hash as i64
}

/// CPython's hash of a tuple of items hashing to `lanes` (xxHash's mixing, as in
/// `Objects/tupleobject.c`): `hash((1, 2))` is CPython's number.
fn tuple_hash(lanes: impl ExactSizeIterator<Item = i64>) -> i64 {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let len = lanes.len() as u64;
    let mut acc = PRIME_5;
    for lane in lanes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add(len ^ (PRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

/// An insertion-ordered map from Python keys to values.
#[derive(Clone, Default, Debug)]
pub(crate) struct Dict {
    index: FxHashMap<HashKey, usize>,
    entries: Vec<Option<(Value, Value)>>,
    live: usize,
    /// The members of a `frozenset` (a set that no method changes, and that hashes).
    pub frozen: bool,
}

impl Dict {
    /// An empty dict.
    pub(crate) fn new() -> Dict {
        Dict::default()
    }

    /// The keys' hash keys, in order.
    pub(crate) fn hash_keys(&self) -> Vec<HashKey> {
        let mut keys: Vec<(usize, HashKey)> =
            self.index.iter().map(|(k, i)| (*i, k.clone())).collect();
        keys.sort_by_key(|(i, _)| *i);
        keys.into_iter().map(|(_, k)| k).collect()
    }

    /// Number of entries.
    pub(crate) fn len(&self) -> usize {
        self.live
    }

    /// True when empty.
    pub(crate) fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Looks up by precomputed key.
    pub(crate) fn get_key(&self, key: &HashKey) -> Option<&Value> {
        let i = *self.index.get(key)?;
        self.entries[i].as_ref().map(|(_, v)| v)
    }

    /// Looks up a str key.
    pub(crate) fn get_str(&self, key: &str) -> Option<&Value> {
        self.get_key(&HashKey::Str(Rc::from(key)))
    }

    /// Inserts or replaces (keeping the original position and key object, like CPython).
    pub(crate) fn insert_key(&mut self, hk: HashKey, key: Value, value: Value) {
        if let Some(&i) = self.index.get(&hk)
            && let Some(entry) = self.entries[i].as_mut()
        {
            entry.1 = value;
            return;
        }
        self.index.insert(hk, self.entries.len());
        self.entries.push(Some((key, value)));
        self.live += 1;
    }

    /// Inserts under a str key.
    pub(crate) fn insert_str(&mut self, key: &str, value: Value) {
        let k: Rc<str> = Rc::from(key);
        self.insert_key(HashKey::Str(k.clone()), Value::Str(k), value);
    }

    /// Removes and returns the (key, value) pair.
    pub(crate) fn remove_key(&mut self, hk: &HashKey) -> Option<(Value, Value)> {
        let i = self.index.remove(hk)?;
        let entry = self.entries[i].take();
        self.live -= 1;
        if self.entries.len() > 32 && self.live * 2 < self.entries.len() {
            self.compact();
        }
        entry
    }

    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        self.index.clear();
        for (k, v) in old.into_iter().flatten() {
            if let Some(hk) = HashKey::of(&k) {
                self.index.insert(hk, self.entries.len());
                self.entries.push(Some((k, v)));
            }
        }
    }

    /// True when the key is present.
    pub(crate) fn contains_key(&self, hk: &HashKey) -> bool {
        self.index.contains_key(hk)
    }

    /// Iterates (key, value) pairs in insertion order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().flatten().map(|(k, v)| (k, v))
    }

    /// The keys in order.
    pub(crate) fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }

    /// Removes everything.
    pub(crate) fn clear(&mut self) {
        self.index.clear();
        self.entries.clear();
        self.live = 0;
    }

    /// Removes and returns the last entry (`popitem`).
    pub(crate) fn pop_last(&mut self) -> Option<(Value, Value)> {
        while let Some(last) = self.entries.pop() {
            if let Some((k, v)) = last {
                if let Some(hk) = HashKey::of(&k) {
                    self.index.remove(&hk);
                }
                self.live -= 1;
                return Some((k, v));
            }
        }
        None
    }

    /// The entry at a raw position (for iterators that tolerate no mutation).
    pub(crate) fn entry_at(&self, raw: usize) -> Option<Option<(&Value, &Value)>> {
        self.entries
            .get(raw)
            .map(|e| e.as_ref().map(|(k, v)| (k, v)))
    }
}

impl Dict {
    /// The keys of a set in CPython's iteration order where that order is deterministic
    /// (all keys ints, whose hash is the value): the order of CPython's open-addressing set
    /// table after inserting the keys in insertion order. Other sets keep insertion order
    /// (CPython's str hashes are randomised per run, so no order is "the" order there).
    pub(crate) fn set_keys(&self) -> Vec<Value> {
        let keys = self.keys();
        let mut hashes = Vec::with_capacity(keys.len());
        for k in &keys {
            match k {
                Value::Int(i) => hashes.push(super::bigint::small_hash(*i)),
                Value::BigInt(i) => hashes.push(super::bigint::hash(i)),
                Value::Bool(b) => hashes.push(*b as i64),
                _ => return keys,
            }
        }
        cpython_set_order(&hashes)
            .into_iter()
            .map(|i| keys[i].clone())
            .collect()
    }
}

/// Slot order of CPython's set table (`setobject.c`: linear probes of 9, then perturbation;
/// resize to the next power of two above 4x the size when 3/5 full).
fn cpython_set_order(hashes: &[i64]) -> Vec<usize> {
    fn insert(table: &mut [Option<usize>], mask: usize, hash: i64, k: usize) {
        let h = hash as u64;
        let mut perturb = h;
        let mut i = (h as usize) & mask;
        loop {
            let probes = if i + 9 <= mask { 9 } else { 0 };
            for j in 0..=probes {
                if table[i + j].is_none() {
                    table[i + j] = Some(k);
                    return;
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }
    let mut mask = 7usize;
    let mut table: Vec<Option<usize>> = vec![None; 8];
    let mut fill = 0usize;
    for (k, &h) in hashes.iter().enumerate() {
        insert(&mut table, mask, h, k);
        fill += 1;
        if fill * 5 >= mask * 3 {
            let minused = if fill > 50_000 { fill * 2 } else { fill * 4 };
            let mut size = 8usize;
            while size <= minused {
                size <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; size]);
            mask = size - 1;
            for slot in old.into_iter().flatten() {
                insert(&mut table, mask, hashes[slot], slot);
            }
        }
    }
    table.into_iter().flatten().collect()
}
