//! The stepper's state (which step of a computed [`Stepper`] is shown, whether it plays), its
//! reducer, and the shareable link `#step=<example id>:<step>[:<edited code>]`.
//!
//! Plain Rust, no browser types: unit-tested on the host. The edited code travels in the link
//! as base64url of its UTF-8 bytes, so it is only ever text: decoded into a string and handed to
//! the editor, never to HTML.

use std::rc::Rc;

use aio_core::stepper::Stepper;
use yew::Reducible;

/// Play speeds a reader can pick, in milliseconds per step.
pub const SPEEDS_MS: [u32; 4] = [1500, 800, 400, 150];

/// The default play speed.
pub const DEFAULT_SPEED_MS: u32 = 800;

/// What the stepper shows.
#[derive(Debug, Clone, PartialEq)]
pub struct StepperState {
    pub stepper: Rc<Stepper>,
    pub index: usize,
    pub playing: bool,
    pub speed_ms: u32,
    /// The steps of the current code are being worked out (the steps shown, if any, are of
    /// the code before).
    pub computing: bool,
}

/// Everything that changes the stepper.
#[derive(Debug, Clone, PartialEq)]
pub enum StepperAction {
    Forward,
    Back,
    First,
    Last,
    /// Go to step `n` (clamped).
    Goto(usize),
    TogglePlay,
    /// The play timer fired: one step forward, stopping at the end.
    Tick,
    Speed(u32),
    /// The code changed: its steps are being worked out.
    Recomputing,
    /// The code changed: a new run, keeping the step number where it still exists.
    Recomputed(Rc<Stepper>),
    /// The first run's steps, shown at step `index` (a shared link's).
    Loaded(Rc<Stepper>, usize),
}

impl StepperState {
    /// Shows `stepper` at step `index` (clamped), paused.
    pub fn new(stepper: Rc<Stepper>, index: usize) -> StepperState {
        let index = index.min(stepper.steps.len().saturating_sub(1));
        StepperState {
            stepper,
            index,
            playing: false,
            speed_ms: DEFAULT_SPEED_MS,
            computing: true,
        }
    }

    /// The last step's index.
    pub fn last(&self) -> usize {
        self.stepper.steps.len().saturating_sub(1)
    }

    /// Applies one action.
    pub fn apply(&mut self, action: StepperAction) {
        let last = self.last();
        match action {
            StepperAction::Forward => {
                self.index = (self.index + 1).min(last);
                self.playing = false;
            }
            StepperAction::Back => {
                self.index = self.index.saturating_sub(1);
                self.playing = false;
            }
            StepperAction::First => {
                self.index = 0;
                self.playing = false;
            }
            StepperAction::Last => {
                self.index = last;
                self.playing = false;
            }
            StepperAction::Goto(n) => {
                self.index = n.min(last);
                self.playing = false;
            }
            StepperAction::TogglePlay => {
                // Play from the start when at the end.
                if !self.playing && self.index == last {
                    self.index = 0;
                }
                self.playing = !self.playing && last > 0;
            }
            StepperAction::Tick => {
                if self.playing {
                    self.index = (self.index + 1).min(last);
                    self.playing = self.index < last;
                }
            }
            StepperAction::Speed(ms) => self.speed_ms = ms.clamp(50, 5000),
            StepperAction::Recomputing => {
                self.computing = true;
                self.playing = false;
            }
            StepperAction::Recomputed(stepper) => {
                self.stepper = stepper;
                self.index = self.index.min(self.last());
                self.playing = false;
                self.computing = false;
            }
            StepperAction::Loaded(stepper, index) => {
                self.stepper = stepper;
                self.index = index.min(self.last());
                self.playing = false;
                self.computing = false;
            }
        }
    }
}

impl Reducible for StepperState {
    type Action = StepperAction;

    fn reduce(self: Rc<Self>, action: StepperAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

/// What a shared link asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepLink {
    /// The example's id (`examples/loop_callbacks.py`).
    pub id: String,
    /// The step, 0-based.
    pub step: usize,
    /// The reader's edited code, when it differs from the chapter's.
    pub source: Option<String>,
}

/// The URL fragment (without `#`) of a link to step `step` of example `id`.
pub fn link_fragment(id: &str, step: usize, edited: Option<&str>) -> String {
    match edited {
        Some(source) => format!("step={id}:{step}:{}", base64url_encode(source.as_bytes())),
        None => format!("step={id}:{step}"),
    }
}

/// Reads a URL fragment (with or without `#`); `None` when it is not a stepper link or is damaged.
pub fn parse_link(fragment: &str) -> Option<StepLink> {
    let rest = fragment.strip_prefix('#').unwrap_or(fragment);
    let rest = rest.strip_prefix("step=")?;
    let mut parts = rest.splitn(3, ':');
    let id = parts.next().filter(|id| !id.is_empty())?;
    let step = parts.next()?.parse().ok()?;
    let source = match parts.next() {
        Some(code) => Some(String::from_utf8(base64url_decode(code)?).ok()?),
        None => None,
    };
    Some(StepLink {
        id: id.to_string(),
        step,
        source,
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5): safe in a URL fragment as it is.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// Decodes [`base64url_encode`]'s output; `None` for any character outside the alphabet or a
/// length no encoding produces.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|a| a == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use aio_core::i18n::Lang;
    use aio_core::stepper::step_through;

    use super::*;

    fn state(index: usize) -> StepperState {
        let source = "import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    await asyncio.sleep(1)\nasyncio.run(main())\n";
        StepperState::new(Rc::new(step_through(source, "two.py", Lang::En)), index)
    }

    #[test]
    fn actions_move_within_the_run() {
        let start = state(0);
        let last = start.last();
        assert!(last >= 4, "{last}");
        let cases: Vec<(Vec<StepperAction>, usize, bool)> = vec![
            (
                vec![StepperAction::Forward, StepperAction::Forward],
                2,
                false,
            ),
            (vec![StepperAction::Back], 0, false),
            (
                vec![StepperAction::Last, StepperAction::Forward],
                last,
                false,
            ),
            (vec![StepperAction::Goto(999)], last, false),
            (vec![StepperAction::Goto(3), StepperAction::First], 0, false),
            (
                vec![StepperAction::TogglePlay, StepperAction::Tick],
                1,
                true,
            ),
            (
                vec![StepperAction::TogglePlay, StepperAction::Forward],
                1,
                false,
            ),
            // Playing at the end starts over; the last tick stops the play.
            (
                vec![StepperAction::Last, StepperAction::TogglePlay],
                0,
                true,
            ),
            (
                vec![
                    StepperAction::Goto(last - 1),
                    StepperAction::TogglePlay,
                    StepperAction::Tick,
                ],
                last,
                false,
            ),
            (vec![StepperAction::Tick], 0, false),
        ];
        for (actions, index, playing) in cases {
            let mut s = start.clone();
            for a in actions.clone() {
                s.apply(a);
            }
            assert_eq!((s.index, s.playing), (index, playing), "{actions:?}");
        }
        // Forward then back returns to the very same step.
        let mut s = state(2);
        let before = s.stepper.steps[s.index].clone();
        s.apply(StepperAction::Forward);
        s.apply(StepperAction::Back);
        assert_eq!(s.stepper.steps[s.index], before);
        // A shorter run after an edit keeps the step within it.
        let mut s = state(last);
        s.apply(StepperAction::Recomputed(Rc::new(step_through(
            "print(1)\n",
            "p.py",
            Lang::En,
        ))));
        assert_eq!(s.index, 0);
        // While an edit's steps are worked out, the view knows (and play stops).
        let mut s = state(1);
        s.apply(StepperAction::TogglePlay);
        s.apply(StepperAction::Recomputing);
        assert!(s.computing && !s.playing);
        s.apply(StepperAction::Recomputed(s.stepper.clone()));
        assert!(!s.computing);
    }

    #[test]
    fn links_round_trip_and_refuse_damage() {
        let code = "print('<b>é</b>')\n# ünïcode & <script>\n";
        for (id, step, edited) in [
            ("examples/loop_callbacks.py", 7, None),
            ("examples/a.py", 0, Some(code)),
            ("x.py", 12, Some("")),
            ("x.py", 3, Some("ab")),
            ("x.py", 3, Some("abc")),
        ] {
            let fragment = link_fragment(id, step, edited);
            assert!(
                fragment
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "=:/._-".contains(c)),
                "{fragment}"
            );
            assert_eq!(
                parse_link(&format!("#{fragment}")),
                Some(StepLink {
                    id: id.into(),
                    step,
                    source: edited.map(String::from)
                })
            );
        }
        for bad in [
            "",
            "#intro",
            "#step=",
            "#step=a.py",
            "#step=a.py:x",
            "#step=:3",
            "#step=a.py:1:%%%",
            "#step=a.py:1:A",
        ] {
            assert_eq!(parse_link(bad), None, "{bad}");
        }
        assert_eq!(base64url_encode(b"hello?"), "aGVsbG8_");
        assert_eq!(base64url_decode("aGVsbG8_").unwrap(), b"hello?");
    }
}
