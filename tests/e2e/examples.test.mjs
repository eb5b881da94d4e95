// The runnable examples, driven like a reader would: every reference program that the book shows
// runs in real time in the page and prints what CPython 3.11 printed; scrubbing, persistence,
// Reset, and errors in the reader's code.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { launch, openPage, waitForWidgets, chapterPaths, runAndRead } from './browser.mjs';
import { click, pasteCode, press } from './hands.mjs';

const REFERENCE_DIR = process.env.AIO_REFERENCE_DIR;

// How many lines of header comment a program starts with: the book's copies have their own.
function headerLines(source) {
  const lines = source.split('\n');
  let n = 0;
  while (n < lines.length && (lines[n].startsWith('#') || lines[n].trim() === '')) n++;
  return n;
}

// A program without its header comment.
function body(source) {
  return source.split('\n').slice(headerLines(source)).join('\n').trim();
}

// CPython's stderr as the book's copy would print it: its file name, and line numbers moved by the
// difference in header length.
function relocate(stderr, from, to) {
  const escaped = from.file.replace(/[.]/g, '\\.');
  const shift = (n) => String(Number(n) - headerLines(from.source) + headerLines(to.source));
  return stderr
    .replace(new RegExp(`\\b${escaped}:(\\d+):`, 'g'), (_, n) => `${to.file}:${shift(n)}:`)
    .replace(new RegExp(`File "${escaped}", line (\\d+)`, 'g'), (_, n) => `File "${to.file}", line ${shift(n)}`);
}

// Same text, and every decimal number within `slack` of CPython's.
function sameOutput(expected, got, slack) {
  const number = /\d+\.\d+/g;
  if (expected.split(number).join('#') !== got.split(number).join('#')) return false;
  const a = expected.match(number) || [];
  const b = got.match(number) || [];
  return a.every((x, i) => Math.abs(Number(x) - Number(b[i])) <= slack + 1e-9);
}

function streamText(lines, stream) {
  return lines.filter((l) => l.stream === stream).map((l) => l.text + '\n').join('');
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function exampleWidgets(page) {
  await waitForWidgets(page);
  return page.locator('.aio-widget[data-aio-widget="asyncio-example"]');
}

function run(widget, page) {
  return runAndRead(page, widget.locator('.aio-example'));
}

test('every reference program runs in the book and prints what CPython printed', async () => {
  assert.ok(REFERENCE_DIR, 'AIO_REFERENCE_DIR names ../shared/asyncio-reference');
  const references = readdirSync(REFERENCE_DIR).filter((f) => f.endsWith('.py')).map((file) => ({
    file,
    source: readFileSync(join(REFERENCE_DIR, file), 'utf8'),
    body: body(readFileSync(join(REFERENCE_DIR, file), 'utf8')),
    out: readFileSync(join(REFERENCE_DIR, file.replace(/\.py$/, '.out')), 'utf8'),
    err: readFileSync(join(REFERENCE_DIR, file.replace(/\.py$/, '.err')), 'utf8'),
  }));
  const found = new Set();
  for (const path of await chapterPaths(browser)) {
    const { page, problems, close } = await openPage(browser, path);
    const widgets = await exampleWidgets(page);
    for (let i = 0; i < await widgets.count(); i++) {
      const widget = widgets.nth(i);
      const props = JSON.parse(await widget.getAttribute('data-aio-props'));
      const reference = references.find((r) => r.body === body(props.source));
      if (!reference || found.has(reference.file)) continue;
      found.add(reference.file);
      // Real time on a shared machine: a run that a load spike made late is run once more; a
      // wrong line or order fails both times.
      let lines = await run(widget, page);
      let stdout = streamText(lines, 'stdout');
      if (!sameOutput(reference.out, stdout, 0.05)) {
        lines = await run(widget, page);
        stdout = streamText(lines, 'stdout');
      }
      const stderr = streamText(lines, 'stderr');
      assert.ok(sameOutput(reference.out, stdout, 0.05),
        `${reference.file} in ${path}: stdout differs from CPython's\n--- CPython\n${reference.out}--- page\n${stdout}`);
      const expectedErr = relocate(reference.err, reference, { file: props.filename, source: props.source });
      assert.equal(stderr, expectedErr, `${reference.file} in ${path}: stderr`);
      for (const line of lines) assert.ok(line.ms >= 0, `${reference.file}: every line has its measured time`);
    }
    assert.deepEqual(problems, [], `${path}: no console error`);
    await close();
  }
  assert.deepEqual([...found].sort(), references.map((r) => r.file).sort(), 'every reference program is in the book');
});

test('scrubbing a duration with the arrow keys changes the predicted total', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  const root = (await exampleWidgets(page)).first().locator('.aio-example');
  const total = root.locator('[data-testid="predicted-total"]');
  const before = await total.textContent();
  const scrub = root.locator('[data-testid="scrub-0"]');
  const value = Number(await scrub.getAttribute('aria-valuenow'));
  // A click on the number gives it focus without dragging it.
  await click(page, scrub);
  assert.equal(Number(await scrub.getAttribute('aria-valuenow')), value, 'a click alone does not change the number');
  await press(page, 'ArrowRight', 5);
  assert.ok(Number(await scrub.getAttribute('aria-valuenow')) > value, 'the number went up');
  assert.notEqual(await total.textContent(), before, 'the predicted total follows');
  await press(page, 'ArrowLeft', 5);
  assert.equal(await total.textContent(), before, 'and comes back');
  assert.deepEqual(problems, []);
  await close();
});

test('an edit survives a reload, and Reset discards it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const url = new URL('tasks.html', process.env.AIO_BOOK_URL).href;
  await page.goto(url);
  let root = (await exampleWidgets(page)).first().locator('.aio-example');
  const editor = root.locator('textarea[data-testid="editor"]');
  const original = await editor.inputValue();
  await pasteCode(page, editor, original + '\nprint("edited by the reader")\n');
  await page.waitForTimeout(300);
  await page.reload();
  root = (await exampleWidgets(page)).first().locator('.aio-example');
  assert.match(await root.locator('textarea[data-testid="editor"]').inputValue(), /edited by the reader/);
  await click(page, root.locator('[data-testid="reset"]'));
  assert.equal(await root.locator('textarea[data-testid="editor"]').inputValue(), original);
  await page.reload();
  root = (await exampleWidgets(page)).first().locator('.aio-example');
  assert.equal(await root.locator('textarea[data-testid="editor"]').inputValue(), original);
  await context.close();
});

// A message follows each edit at once; the bands are wide (10 s) only so that a loaded 2-core CI
// machine does not fail what a reader would see within a second.
test('a syntax error and a runaway loop each show a message; the page stays usable', async () => {
  const { page, close } = await openPage(browser, 'tasks.html');
  const widgets = await exampleWidgets(page);
  const root = widgets.first().locator('.aio-example');
  const editor = root.locator('textarea[data-testid="editor"]');
  const error = root.locator('[data-testid="error"]');

  await pasteCode(page, editor, 'import asyncio\n\nasync def main(:\n    pass\n');
  await error.waitFor({ timeout: 10_000 });
  assert.match(await error.textContent(), /SyntaxError/);

  // A program that never ends: the prediction stops at its horizon with a note (the error box is
  // for syntax errors only).
  await pasteCode(page, editor, 'while True:\n    pass\n');
  await page.waitForFunction((el) => {
    const note = el.querySelector('[data-testid="stopped-note"]');
    return !!note && /step|loop|budget|too long/i.test(note.textContent);
  }, await root.elementHandle(), { timeout: 10_000 });
  assert.equal(await error.count(), 0, 'a program that never ends is not an error');

  // Unbounded recursion ends in Python's RecursionError, not in a crash of the module.
  await pasteCode(page, editor, 'def f(n):\n    return f(n + 1)\n\nf(0)\n');
  await page.waitForFunction((el) => /RecursionError: maximum recursion depth exceeded/.test(el.textContent),
    await root.elementHandle(), { timeout: 10_000 });

  // Another widget on the page still runs.
  const lines = await run(widgets.nth(1), page);
  assert.ok(lines.length > 0, 'the other widget ran and printed');
  await click(page, root.locator('[data-testid="reset"]'));
  await close();
});
