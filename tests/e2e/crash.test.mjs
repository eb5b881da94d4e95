// A panic inside a widget: the module aborts (the wasm profile has panic=abort), which traps the
// whole WebAssembly instance. The loader then shows an error box with a Restart button in the
// widget that crashed, and mounts every other widget again in a fresh instance; the reader's edits
// survive, the other widgets keep working.
//
// The crash is requested through the module's test-only exports `testPanicOnNextRender` and
// `testPanicOnNextTimer` (reachable from the page's scripts, not from anything a reader can click
// or type). The error box goes to the widget whose code panicked, even when a browser timer ran
// that code while the reader was busy in another widget.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, openPage, waitForWidgets, runAndRead } from './browser.mjs';
import { click, pasteCode, press, hasFocus } from './hands.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Calls one of the module's test-only exports.
async function arm(page, trigger) {
  await page.evaluate(async (name) => {
    const loader = document.querySelector('script[src*="aio-loader"]');
    const glue = await import(new URL('pkg/aio_widgets.js', loader.src).href);
    glue[name]();
  }, trigger);
}

// The only problems a test may see are the panic itself, reported loudly on the console.
function checkProblems(problems) {
  const unexpected = problems.filter((p) => !/aio-widgets: panicked|crash requested by the end-to-end tests|unreachable/i.test(p));
  assert.deepEqual(unexpected, [], 'nothing else went wrong');
  assert.ok(problems.some((p) => /crash requested by the end-to-end tests/.test(p)), 'the panic message reached the console');
}

// Runs the example for real and returns the text of its output lines.
async function runAndReadText(page, root) {
  return (await runAndRead(page, root)).map((line) => line.text);
}

test('a panic in one widget shows an error box with Restart there; the others keep working; edits survive', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  await waitForWidgets(page);
  const examples = page.locator('.aio-widget[data-aio-widget="asyncio-example"]');
  assert.ok(await examples.count() >= 2, 'the page has two code widgets');
  const first = () => examples.nth(0);
  const editor = first().locator('textarea[data-testid="editor"]');
  const edited = `${await editor.inputValue()}\nprint("kept after the crash")\n`;
  await pasteCode(page, editor, edited);
  await page.waitForTimeout(300);

  // Arm the crash, then type in the first widget (the caret is still in it): its next render panics.
  await arm(page, 'testPanicOnNextRender');
  assert.ok(await hasFocus(editor), 'the caret is still in the editor');
  await press(page, 'End');
  await press(page, 'Space');

  const box = first().locator('.aio-error');
  await box.waitFor({ timeout: 5000 });
  assert.match(await box.textContent(), /stopped after an internal error/);
  assert.equal(await first().getAttribute('data-aio-mounted'), 'crashed');
  assert.equal(await box.getAttribute('role'), 'alert');

  // Every other widget is mounted again, in a fresh instance, and runs.
  await page.waitForFunction(() => [...document.querySelectorAll('.aio-widget')]
    .slice(1).every((el) => el.dataset.aioMounted === 'true'), null, { timeout: 10000 });
  const second = examples.nth(1).locator('.aio-example');
  const lines = await runAndReadText(page, second);
  assert.ok(lines.length > 0, 'the second widget runs after the crash');

  // Restart brings the crashed widget back, with the reader's edit.
  await click(page, first().locator('[data-testid="restart-widget"]'));
  await page.waitForFunction(() => document.querySelector('.aio-widget').dataset.aioMounted === 'true', null, { timeout: 5000 });
  assert.equal(await first().locator('.aio-error').count(), 0, 'the error box is gone');
  assert.equal(await first().locator('textarea[data-testid="editor"]').inputValue(), edited, 'the edit survived the crash');
  const restarted = await runAndReadText(page, first().locator('.aio-example'));
  assert.ok(restarted.includes('kept after the crash'), 'the restarted widget runs the edited code');

  checkProblems(problems);
  await click(page, first().locator('[data-testid="reset"]'));
  await close();
});

// A program that prints, then sleeps long enough for the reader to move to another widget.
const LONG_RUN = 'import asyncio\n\nasync def main():\n    print("before the sleep")\n'
  + '    await asyncio.sleep(2.5)\n    print("after the sleep")\n\nasyncio.run(main())\n';

// Widget A starts a real-time run; the reader types in widget B; then A's run, resumed by a browser
// timer, panics: `trigger` makes the panic happen in the run's own code (its next poll) or in A's
// render of the output the run sends. Either way A, not B, gets the error box.
async function panicInARunWhileTypingElsewhere(trigger) {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  await waitForWidgets(page);
  const examples = page.locator('.aio-widget[data-aio-widget="asyncio-example"]');
  const a = examples.nth(0);
  const b = examples.nth(1);

  await pasteCode(page, a.locator('textarea[data-testid="editor"]'), LONG_RUN);
  await page.waitForTimeout(300);
  await click(page, a.locator('[data-testid="run"]'));
  await a.locator('[data-testid="output"]', { hasText: 'before the sleep' }).waitFor({ timeout: 5000 });

  const bEditor = b.locator('textarea[data-testid="editor"]');
  const typed = `${await bEditor.inputValue()}\nprint("typed in B")\n`;
  await pasteCode(page, bEditor, typed);
  await page.waitForTimeout(300);
  assert.equal(await a.locator('.aio-example').getAttribute('data-run-state'), 'running', 'A is still running');
  await arm(page, trigger);

  // When A's sleep ends, A crashes: the error box is A's, though the reader last typed in B.
  const box = a.locator('.aio-error');
  await box.waitFor({ timeout: 8000 });
  assert.match(await box.textContent(), /stopped after an internal error/);
  assert.equal(await a.locator('[data-testid="restart-widget"]').textContent(), 'Restart this widget');
  assert.equal(await a.getAttribute('data-aio-mounted'), 'crashed');

  // B is mounted again in a fresh instance, keeps what was typed in it, and runs it.
  await page.waitForFunction(() => [...document.querySelectorAll('.aio-widget')]
    .filter((el) => el.dataset.aioMounted !== 'crashed').every((el) => el.dataset.aioMounted === 'true'),
  null, { timeout: 10000 });
  assert.equal(await page.locator('.aio-widget[data-aio-mounted="crashed"]').count(), 1, 'only A crashed');
  assert.equal(await b.locator('.aio-error').count(), 0, 'B has no error box');
  assert.equal(await bEditor.inputValue(), typed, 'B keeps the text typed in it');
  const lines = await runAndReadText(page, b.locator('.aio-example'));
  assert.ok(lines.includes('typed in B'), `B runs the code typed in it: ${lines}`);

  // Restart brings A back, with its code.
  await click(page, a.locator('[data-testid="restart-widget"]'));
  await page.waitForFunction(() => document.querySelector('.aio-widget').dataset.aioMounted === 'true', null, { timeout: 5000 });
  assert.equal(await a.locator('.aio-error').count(), 0, 'the error box is gone');
  assert.equal(await a.locator('textarea[data-testid="editor"]').inputValue(), LONG_RUN, 'A keeps its code');

  checkProblems(problems);
  await close();
}

test('a panic in a run that a timer resumes is blamed on that widget, not on the one the reader typed in', async () => {
  await panicInARunWhileTypingElsewhere('testPanicOnNextTimer');
});

test('a panic while rendering what a timer-driven run sent is blamed on that widget', async () => {
  await panicInARunWhileTypingElsewhere('testPanicOnNextRender');
});
