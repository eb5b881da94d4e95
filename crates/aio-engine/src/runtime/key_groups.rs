//! Groups of equal objects, for dict keys and set members whose class defines its own
//! `__hash__` and `__eq__`.
//!
//! A [`Dict`](super::dict::Dict) is a map of plain Rust keys, so an object of such a class is
//! given a key that stands for "every object equal to it": the first time it is hashed, the
//! interpreter calls its `__hash__`, compares it with `__eq__` to one live member of each group
//! of that hash, and joins the equal one (or starts a group). It keeps its group afterwards, so
//! sync code that only holds a [`HashKey`](super::dict::HashKey) finds it too.
//!
//! Differences from CPython, which calls `__hash__` on every lookup: an object's hash is taken
//! once, so mutating a key after hashing it does not move it; and `__hash__`/`__eq__` run fewer
//! times. Members are held weakly; dead ones are dropped on each visit of their hash and, in
//! sweeps whose cost is spread over the joins, everywhere (so memory follows the live objects).

use std::rc::{Rc, Weak};

use super::dict::FxHashMap;
use super::object::Instance;

/// A group: its id and its members.
#[derive(Debug, Default)]
struct Group {
    id: usize,
    members: Vec<Weak<Instance>>,
}

impl Group {
    fn prune(&mut self) {
        self.members.retain(|member| member.strong_count() > 0);
    }
}

/// The groups of one interpreter, by hash.
#[derive(Debug, Default)]
pub(crate) struct KeyGroups {
    by_hash: FxHashMap<i64, Vec<Group>>,
    /// Members held, dead or alive.
    members: usize,
    /// The next sweep happens when `members` reaches this.
    sweep_at: usize,
}

/// Fewest members held before the first sweep.
const FIRST_SWEEP: usize = 1024;

impl KeyGroups {
    /// One live member of each group of hash `hash`, with the group's id: the objects a newly
    /// hashed one is compared with. Drops the dead members of that hash on the way.
    pub(crate) fn candidates(&mut self, hash: i64) -> Vec<(usize, Rc<Instance>)> {
        let Some(groups) = self.by_hash.get_mut(&hash) else {
            return Vec::new();
        };
        let before: usize = groups.iter().map(|group| group.members.len()).sum();
        groups.iter_mut().for_each(Group::prune);
        groups.retain(|group| !group.members.is_empty());
        let after: usize = groups.iter().map(|group| group.members.len()).sum();
        self.members -= before - after;
        let live = groups
            .iter()
            .filter_map(|group| Some((group.id, group.members.first()?.upgrade()?)))
            .collect();
        if groups.is_empty() {
            self.by_hash.remove(&hash);
        }
        live
    }

    /// `member` joins group `id` of hash `hash`, or starts it.
    pub(crate) fn join(&mut self, hash: i64, id: usize, member: &Rc<Instance>) {
        let groups = self.by_hash.entry(hash).or_default();
        match groups.iter_mut().find(|group| group.id == id) {
            Some(group) => group.members.push(Rc::downgrade(member)),
            None => groups.push(Group {
                id,
                members: vec![Rc::downgrade(member)],
            }),
        }
        self.members += 1;
        if self.members >= self.sweep_at.max(FIRST_SWEEP) {
            self.sweep();
        }
    }

    /// Drops every dead member and empty group; the next sweep waits until the live members have
    /// doubled, so sweeping costs O(1) per join, spread out.
    fn sweep(&mut self) {
        self.by_hash.retain(|_, groups| {
            groups.iter_mut().for_each(Group::prune);
            groups.retain(|group| !group.members.is_empty());
            !groups.is_empty()
        });
        self.members = self
            .by_hash
            .values()
            .flatten()
            .map(|group| group.members.len())
            .sum();
        self.sweep_at = self.members * 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instance() -> Rc<Instance> {
        let types = crate::runtime::types::Types::new();
        Rc::new(Instance {
            class: types.object.clone(),
            dict: Default::default(),
            key_group: std::cell::Cell::new(None),
            exc: None,
            items: None,
        })
    }

    #[test]
    fn dead_members_are_dropped() {
        let mut groups = KeyGroups::default();
        let kept = instance();
        groups.join(1, 7, &kept);
        for _ in 0..10 * FIRST_SWEEP {
            let gone = instance();
            groups.join(2, 8, &gone);
        }
        // The sweeps kept what is held bounded by the live members.
        assert!(groups.members <= FIRST_SWEEP, "{}", groups.members);
        let found = groups.candidates(2);
        assert!(found.is_empty());
        assert!(!groups.by_hash.contains_key(&2));
        let found = groups.candidates(1);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 7);
        assert!(Rc::ptr_eq(&found[0].1, &kept));
    }
}
