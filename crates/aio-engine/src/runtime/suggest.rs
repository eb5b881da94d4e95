//! "Did you mean" suggestions for `NameError` and `AttributeError`, after CPython 3.11.7's
//! `Python/suggestions.c`: a Levenshtein distance where a move costs 2 and a case flip 1, at most a
//! third of the characters changed, the first of equally close candidates wins, and no
//! suggestion from 750 candidates or more or for names longer than 40 characters.

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// `calculate_suggestions(dir, name)`: the closest candidate, if one is close enough.
pub(crate) fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for &item in candidates {
        if item == name {
            continue;
        }
        // No more than 1/3 of the involved characters should need changing, and no match that
        // is not better than the best so far.
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let distance = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if distance > max_distance {
            continue;
        }
        if best.is_none_or(|(_, d)| distance < d) {
            best = Some((item, distance));
        }
    }
    best.map(|(item, _)| item)
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// `levenshtein_distance`: returns more than `max_cost` as soon as the distance must exceed it.
fn levenshtein<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the matrix, updated in place.
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ch) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ch);
            distance = row[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::closest;

    fn check(name: &str, candidates: &[&str], expect: Option<&str>) {
        assert_eq!(
            closest(name, candidates),
            expect,
            "{name} among {candidates:?}"
        );
    }

    #[test]
    fn suggestions_match_cpython() {
        // Each case checked against CPython 3.11.7.
        check("cuont", &["count", "main"], Some("count"));
        check("sleeep", &["run", "sleep", "gather"], Some("sleep"));
        check("prnt", &["print", "repr", "len"], Some("print"));
        check("Print", &["print"], Some("print"));
        check("x", &["y", "xy"], Some("xy"));
        check("abc", &["xyz"], None);
        check("gahter", &["gather"], Some("gather"));
        check("same", &["same"], None);
        check(
            "creat_task",
            &["create_task", "current_task"],
            Some("create_task"),
        );
    }
}
