//! A program's output as the book shows it: lines told apart by stream, with when each started,
//! kept in bounded memory however much the program prints.
//!
//! The first [`Transcript::HEAD`] lines and the last [`Transcript::TAIL`] are kept, and the lines
//! in between are only counted, so a page shows how a program began and where it is now (a
//! real-time run of a program that prints forever scrolls like a terminal). A line longer than
//! [`Transcript::MAX_LINE_CHARS`] keeps its beginning and counts the characters cut.

use std::collections::VecDeque;

use serde::Serialize;

use crate::engine::{OutputChunk, Stream};

/// One line of output (possibly still open: no newline yet).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutputLine {
    pub stream: Stream,
    /// The text, without its newline (its beginning, when `cut_chars > 0`).
    pub text: String,
    /// Characters of the line not kept.
    pub cut_chars: usize,
    /// Program time (seconds) when the line started.
    pub time: f64,
    /// Milliseconds after a real run's start when the line started; `None` when predicted.
    pub measured_ms: Option<f64>,
    /// The line has no newline yet: the next chunk of its stream continues it.
    pub open: bool,
}

impl OutputLine {
    fn new(stream: Stream, time: f64, measured_ms: Option<f64>) -> OutputLine {
        OutputLine {
            stream,
            text: String::new(),
            cut_chars: 0,
            time,
            measured_ms,
            open: true,
        }
    }

    fn append(&mut self, text: &str) {
        let room = Transcript::MAX_LINE_CHARS.saturating_sub(self.text.chars().count());
        if self.cut_chars == 0 && text.len() <= room {
            self.text.push_str(text);
            return;
        }
        let kept: String = text.chars().take(room).collect();
        self.cut_chars += text.chars().count() - kept.chars().count();
        self.text.push_str(&kept);
    }
}

/// What a transcript shows, in order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shown<'a> {
    Line(&'a OutputLine),
    /// This many lines between the head and the tail are not kept.
    Omitted(u64),
}

/// A program's output, bounded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Transcript {
    head: Vec<OutputLine>,
    tail: VecDeque<OutputLine>,
    omitted: u64,
}

impl Transcript {
    /// Lines kept from the beginning.
    pub const HEAD: usize = 100;
    /// Lines kept from the end.
    pub const TAIL: usize = 100;
    /// Characters kept of one line.
    pub const MAX_LINE_CHARS: usize = 2_000;

    /// The transcript of a run's output chunks (`measured_ms`: when a real run printed them).
    pub fn of(chunks: &[OutputChunk], measured_ms: Option<f64>) -> Transcript {
        let mut transcript = Transcript::default();
        for chunk in chunks {
            transcript.push(chunk, measured_ms);
        }
        transcript
    }

    /// Appends a chunk, continuing an open line of the same stream.
    pub fn push(&mut self, chunk: &OutputChunk, measured_ms: Option<f64>) {
        for piece in chunk.text.split_inclusive('\n') {
            let text = piece.strip_suffix('\n').unwrap_or(piece);
            let continues = self
                .last()
                .is_some_and(|last| last.open && last.stream == chunk.stream);
            if !continues {
                self.push_line(OutputLine::new(chunk.stream, chunk.time, measured_ms));
            }
            if let Some(last) = self.last_mut() {
                last.append(text);
                last.open = !piece.ends_with('\n');
            }
        }
    }

    fn push_line(&mut self, line: OutputLine) {
        if self.head.len() < Self::HEAD {
            self.head.push(line);
            return;
        }
        self.tail.push_back(line);
        if self.tail.len() > Self::TAIL {
            self.tail.pop_front();
            self.omitted += 1;
        }
    }

    fn last(&self) -> Option<&OutputLine> {
        self.tail.back().or_else(|| self.head.last())
    }

    fn last_mut(&mut self) -> Option<&mut OutputLine> {
        match self.tail.back_mut() {
            Some(line) => Some(line),
            None => self.head.last_mut(),
        }
    }

    /// Every line printed, kept or not.
    pub fn line_count(&self) -> u64 {
        (self.head.len() + self.tail.len()) as u64 + self.omitted
    }

    /// Lines printed but not kept.
    pub fn omitted(&self) -> u64 {
        self.omitted
    }

    pub fn is_empty(&self) -> bool {
        self.head.is_empty()
    }

    /// The lines kept, with the gap between head and tail where there is one.
    pub fn shown(&self) -> impl Iterator<Item = Shown<'_>> {
        let gap = (self.omitted > 0).then_some(Shown::Omitted(self.omitted));
        self.head
            .iter()
            .map(Shown::Line)
            .chain(gap)
            .chain(self.tail.iter().map(Shown::Line))
    }

    /// The lines kept, without the gap.
    pub fn lines(&self) -> impl DoubleEndedIterator<Item = &OutputLine> {
        self.head.iter().chain(self.tail.iter())
    }

    /// The first lines printed (the head): what an exercise asks about.
    pub fn first_lines(&self) -> &[OutputLine] {
        &self.head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(stream: Stream, text: &str, time: f64) -> OutputChunk {
        OutputChunk {
            stream,
            text: text.into(),
            time,
            line: 1,
        }
    }

    fn texts(transcript: &Transcript) -> Vec<String> {
        transcript
            .shown()
            .map(|shown| match shown {
                Shown::Line(line) => format!("{:?} {}", line.stream, line.text),
                Shown::Omitted(n) => format!("... {n}"),
            })
            .collect()
    }

    #[test]
    fn chunks_become_lines_per_stream() {
        let transcript = Transcript::of(
            &[
                chunk(Stream::Stdout, "a", 0.0),
                chunk(Stream::Stdout, "b\nc\n", 0.1),
                chunk(Stream::Stderr, "err\n", 0.2),
                chunk(Stream::Stdout, "d", 0.3),
            ],
            None,
        );
        assert_eq!(
            texts(&transcript),
            ["Stdout ab", "Stdout c", "Stderr err", "Stdout d"]
        );
        // A line keeps the time it started at; the last is still open.
        let lines: Vec<&OutputLine> = transcript.lines().collect();
        assert_eq!((lines[0].time, lines[1].time), (0.0, 0.1));
        assert!(lines[3].open && !lines[2].open);
    }

    #[test]
    fn keeps_the_head_and_the_tail_and_counts_the_rest() {
        let mut transcript = Transcript::default();
        for i in 0..1_000 {
            transcript.push(
                &chunk(Stream::Stdout, &format!("{i}\n"), f64::from(i)),
                None,
            );
        }
        let shown = texts(&transcript);
        assert_eq!(shown.len(), Transcript::HEAD + 1 + Transcript::TAIL);
        assert_eq!(shown[0], "Stdout 0");
        assert_eq!(shown[99], "Stdout 99");
        assert_eq!(shown[100], "... 800");
        assert_eq!(shown[101], "Stdout 900");
        assert_eq!(shown[200], "Stdout 999");
        assert_eq!(transcript.line_count(), 1_000);
    }

    #[test]
    fn a_huge_line_keeps_its_beginning() {
        let mut transcript = Transcript::default();
        transcript.push(&chunk(Stream::Stdout, &"é".repeat(1_500), 0.0), None);
        transcript.push(&chunk(Stream::Stdout, &"x".repeat(3_000), 0.0), None);
        transcript.push(&chunk(Stream::Stdout, "\nnext\n", 0.0), None);
        let line = transcript.lines().next().expect("a line");
        assert_eq!(line.text.chars().count(), Transcript::MAX_LINE_CHARS);
        assert_eq!(line.cut_chars, 2_500);
        assert!(line.text.starts_with("éé") && line.text.ends_with("xx"));
        assert_eq!(texts(&transcript)[1], "Stdout next");
    }
}
