// The book in a reader's hands: a mouse click puts the caret where it points, a drag selects,
// numbers drag with a mouse and a finger, a tap on a phone reaches the editor, the timing helpers
// fold and unfold, and programs that never end (with or without an await, printing forever or
// printing huge lines) never freeze, trap or flood the page, and Stop says when it stopped.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import {
  launch, openPage, waitForWidgets, assertEventually, exampleOf, IS_FIREFOX, PHONE,
} from './browser.mjs';
import {
  canTouch, click, dragBy, pasteCode, pointAt, press, scrollTo, selectAll, tap, touchDragBy,
} from './hands.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The first runnable example of `path`.
async function firstExample(page) {
  await waitForWidgets(page);
  return page.locator('.aio-example').first();
}

// The page's centre of character `offset` of the editor's visible text (its highlighted layer,
// which the textarea's text matches glyph for glyph).
async function characterPoint(example, offset) {
  return example.locator('.aio-editor__highlight code').evaluate((code, at) => {
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    let left = at;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (left < node.length) {
        const range = document.createRange();
        range.setStart(node, left);
        range.setEnd(node, left + 1);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      left -= node.length;
    }
    throw new Error(`no character ${at}`);
  }, offset);
}

async function caret(textarea) {
  return textarea.evaluate((t) => ({ start: t.selectionStart, end: t.selectionEnd, focused: t === document.activeElement }));
}

async function domSize(page) {
  return page.evaluate(() => document.getElementsByTagName('*').length);
}

test('a click on the code puts the caret on that character, and a drag selects', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  const example = await firstExample(page);
  const textarea = example.locator('textarea');
  await scrollTo(page, textarea);
  const text = await textarea.inputValue();
  // The `a` of `async def` on the first line that has one, and the end of that word.
  const target = text.indexOf('async def');
  assert.ok(target > 0);
  const at = await characterPoint(example, target + 2);
  // The element under the pointer is the textarea itself, not the highlighted code above it.
  const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y).tagName, at);
  assert.equal(hit, 'TEXTAREA');
  // Click on the left half of the third character: the caret lands before it.
  await page.mouse.click(at.x - 2, at.y);
  assert.deepEqual(await caret(textarea), { start: target + 2, end: target + 2, focused: true });
  await page.keyboard.type('X');
  assert.equal((await textarea.inputValue()).slice(target, target + 6), 'asXync');
  await press(page, 'Backspace');

  // Drag from `async` to the end of `def`: that is what is selected.
  const from = await characterPoint(example, target);
  const to = await characterPoint(example, target + 8);
  await page.mouse.move(from.x - 3, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x + 3, to.y, { steps: 6 });
  await page.mouse.up();
  assert.deepEqual(await caret(textarea), { start: target, end: target + 9, focused: true });
  assert.deepEqual(problems, []);
  await close();
});

test('a number drags with the mouse, without selecting text, and arrow keys still work', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  const example = await firstExample(page);
  const scrub = example.locator('[data-testid="scrub-0"]');
  const total = example.locator('[data-testid="predicted-total"]');
  const before = Number(await scrub.getAttribute('aria-valuenow'));
  const totalBefore = await total.textContent();
  // The number itself is under the pointer.
  await pointAt(page, scrub);
  await dragBy(page, scrub, 60);
  const after = Number(await scrub.getAttribute('aria-valuenow'));
  assert.ok(after > before, `dragging right raised ${before} to ${after}`);
  await assertEventually(async () => (await total.textContent()) !== totalBefore, 'the predicted total follows the drag');
  assert.equal(await page.evaluate(() => String(window.getSelection())), '', 'the drag selected no text');
  // The drag left focus on the number: the keyboard takes over.
  await press(page, 'ArrowLeft', 3);
  assert.ok(Number(await scrub.getAttribute('aria-valuenow')) < after);
  assert.deepEqual(problems, []);
  await close();
});

// Playwright sends no touch input to Firefox over WebDriver BiDi (see canTouch): there, the same
// phone-sized page is driven with the mouse, which reaches the same pointer events, and the test
// says so in its name (touch is tested in Chromium).
test(IS_FIREFOX
  ? 'on a phone-sized window, a click reaches the editor and the mouse drags a number'
  : 'on a phone, a tap reaches the editor and a finger drags a number', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html', { context: PHONE });
  const example = await firstExample(page);
  const textarea = example.locator('textarea');
  const touch = canTouch(page);
  await (touch ? tap : click)(page, textarea, { x: 60, y: 30 });
  assert.equal(await textarea.evaluate((t) => t === document.activeElement), true, `the ${touch ? 'tap' : 'click'} focused the editor`);
  // No sideways scrolling of the page on a phone.
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
  const scrub = example.locator('[data-testid="scrub-0"]');
  const before = Number(await scrub.getAttribute('aria-valuenow'));
  await (touch ? touchDragBy : dragBy)(page, scrub, 64);
  assert.ok(Number(await scrub.getAttribute('aria-valuenow')) > before, `the ${touch ? 'finger' : 'mouse'} raised the number`);
  // The example's timeline stays legible: its task labels are drawn at least 9 px high.
  const label = example.locator('.aio-tl__name').first();
  await scrollTo(page, label);
  const height = (await label.boundingBox()).height;
  assert.ok(height >= 9, `task labels are ${height} px high`);
  assert.deepEqual(problems, []);
  await close();
});

test('the timing helpers are one line that opens by mouse or keyboard, and copy with the code', async () => {
  const { page, problems, close } = await openPage(browser, 'why-async.html');
  const example = await firstExample(page);
  const textarea = example.locator('textarea');
  const fold = example.locator('[data-testid="fold"]');
  assert.match(await fold.textContent(), /^▸ \d+ lines: the timing helpers fmt\(\) and ts\(\)$/);
  const folded = await textarea.inputValue();
  assert.ok(!folded.includes('def fmt'), 'the helpers are not in the editor while folded');
  const props = JSON.parse(await example.locator('xpath=..').getAttribute('data-aio-props'));
  assert.ok(props.source.includes('def fmt'), 'they are in the program');
  // Open with the mouse, close with the keyboard.
  await click(page, fold);
  assert.ok((await textarea.inputValue()).includes('def fmt(seconds):'));
  assert.equal(await fold.getAttribute('aria-expanded'), 'true');
  await press(page, 'Enter');
  assert.equal(await textarea.inputValue(), folded);
  // Copying a selection across the folded line copies the helpers too: paste it into a second
  // example and read it there.
  await click(page, textarea, { x: 40, y: 12 });
  await selectAll(page);
  await press(page, 'ControlOrMeta+KeyC');
  const secondExample = page.locator('.aio-example').nth(1);
  const second = secondExample.locator('textarea');
  await click(page, second, { x: 40, y: 12 });
  await selectAll(page);
  await press(page, 'ControlOrMeta+KeyV');
  // The pasted program has its helpers: it folds them too, and unfolded it is the whole program.
  await click(page, secondExample.locator('[data-testid="fold"]'));
  assert.equal(await second.inputValue(), props.source);
  // Typing into the folded line opens it instead of changing unseen code.
  const placeholder = folded.indexOf('\n\n\ndef make_tea_sync') + 2;
  await click(page, textarea, { x: 40, y: 12 });
  await press(page, 'ControlOrMeta+Home');
  const lineOfPlaceholder = folded.slice(0, placeholder).split('\n').length - 1;
  await press(page, 'ArrowDown', lineOfPlaceholder);
  await page.keyboard.type('x');
  assert.equal(await fold.getAttribute('aria-expanded'), 'true', 'typing there unfolded the helpers');
  assert.equal(await textarea.inputValue(), props.source, 'and changed nothing');
  assert.deepEqual(problems, []);
  await close();
});

test('a line typed right under the folded helpers stays in view', async () => {
  const { page, problems, close } = await openPage(browser, 'why-async.html');
  const example = await firstExample(page);
  const textarea = example.locator('textarea');
  const fold = example.locator('[data-testid="fold"]');
  const folded = await textarea.inputValue();
  // The first line after the placeholder: Enter at its start, then an indented line there.
  const placeholder = folded.indexOf('\n\n\ndef make_tea_sync') + 2;
  const lineAfter = folded.slice(0, placeholder).split('\n').length;
  await click(page, textarea, { x: 40, y: 12 });
  await press(page, 'ControlOrMeta+Home');
  await press(page, 'ArrowDown', lineAfter);
  await press(page, 'Home');
  await press(page, 'Enter');
  await press(page, 'ArrowUp');
  await page.keyboard.type('    x = 1');
  await assertEventually(async () => (await textarea.inputValue()).includes('\n    x = 1\ndef make_tea_sync'),
    'what was typed is in the editor');
  assert.equal(await fold.getAttribute('aria-expanded'), 'false', 'the helpers stay folded');
  assert.ok(!(await textarea.inputValue()).includes('def fmt'));
  const at = await caret(textarea);
  assert.equal(at.start, (await textarea.inputValue()).indexOf('    x = 1') + 9, 'the caret stays after it');
  assert.deepEqual(problems, []);
  await close();
});

const TICKS = 'import asyncio\n\nasync def main():\n    i = 0\n    while True:\n        await asyncio.sleep(0.5)\n        i += 1\n        print("tick", i)\n\nasyncio.run(main())\n';

test('a program that never ends, with an await, is predicted to a horizon, runs, and stops', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  const example = await firstExample(page);
  const nodesBefore = await domSize(page);
  await pasteCode(page, example.locator('textarea'), TICKS);
  const note = example.locator('[data-testid="stopped-note"]');
  await note.waitFor({ timeout: 10000 });
  assert.match(await note.textContent(),
    /^The prediction stops at 300 s of program time, and this program was still running \(at line \d+, 299\.50 s into the program\): it may never end\./);
  assert.equal(await example.locator('[data-testid="predicted-total"]').textContent(), 'still running at 299.50 s');
  assert.equal(await example.locator('[data-testid="omitted-lines"]').textContent(), '… 399 lines not shown …');
  assert.ok(await domSize(page) < nodesBefore + 3000, 'the page stays small');
  // Run it for real: a line every half second, until Stop.
  await click(page, example.locator('[data-testid="run"]'));
  await page.waitForFunction((el) => el.querySelectorAll('[data-testid="output"] [data-stream]').length >= 3,
    await example.elementHandle(), { timeout: 5000 });
  await click(page, example.locator('[data-testid="stop"]'));
  await assertEventually(async () => (await example.getAttribute('data-run-state')) === 'stopped', 'Stop stopped the run');
  const stoppedAt = await example.locator('[data-testid="stopped-at"]').textContent();
  const seconds = Number(/you stopped the run at (\d+\.\d+) s/.exec(stoppedAt)[1]);
  assert.ok(seconds > 1.4 && seconds < 10, stoppedAt);
  // Nothing more arrives after Stop, and the task is marked as still running.
  const lines = await example.locator('[data-testid="output"] [data-stream]').count();
  await page.waitForTimeout(800);
  assert.equal(await example.locator('[data-testid="output"] [data-stream]').count(), lines);
  assert.equal(await example.locator('.aio-tl__lane').first().getAttribute('data-end'), 'pending');
  assert.match(await example.locator('.aio-tl__table').textContent(), /Task-1 was still running when you stopped the run at \d+\.\d+ s/);
  assert.equal(await example.locator('[data-testid="stop"]').isDisabled(), true);
  assert.deepEqual(problems, []);
  await close();
});

test('programs that print forever, loop without an await or print huge lines never flood the page', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  const example = await firstExample(page);
  const textarea = example.locator('textarea');
  const note = example.locator('[data-testid="stopped-note"]');
  const cases = [
    ['i = 0\nwhile True:\n    i += 1\n    print(i)\n', /^The prediction stops after 1,000 lines of output/],
    ['while True:\n    pass\n', /^The prediction stops after 2,000,000 steps of computing/],
    ['print("x" * 10_000_000)\n', /^The prediction stops after 200 KB of output/],
  ];
  for (const [code, message] of cases) {
    await pasteCode(page, textarea, code);
    await page.waitForFunction(([el, want]) => {
      const shown = el.querySelector('[data-testid="stopped-note"]');
      return shown && new RegExp(want).test(shown.textContent);
    }, [await example.elementHandle(), message.source], { timeout: 15000 });
    assert.match(await note.textContent(), message);
    assert.ok(await domSize(page) < 20000, `${code}: the page stays small`);
  }
  // The huge line is cut, and says by how much.
  assert.match(await example.locator('.aio-output__cut').textContent(), /… [\d,]+ more characters/);
  // Run the printing loop for real for a moment: the page answers, the output stays bounded.
  await pasteCode(page, textarea, 'import asyncio\n\nasync def main():\n    i = 0\n    while True:\n        i += 1\n        print(i)\n        await asyncio.sleep(0)\n\nasyncio.run(main())\n');
  await click(page, example.locator('[data-testid="run"]'));
  await page.waitForTimeout(1500);
  await click(page, example.locator('[data-testid="stop"]'));
  // Stop answers while the loop prints (the band is wide for a loaded machine), and then nothing
  // more arrives: the output (its head, its tail and the count of lines not shown between them)
  // reads the same twice.
  await example.locator('[data-testid="stopped-at"]').waitFor({ timeout: 10_000 });
  assert.match(await example.locator('[data-testid="stopped-at"]').textContent(), /^you stopped the run at \d+\.\d\d s$/);
  const output = example.locator('[data-testid="output"]');
  const shown = await output.textContent();
  await page.waitForTimeout(800);
  assert.equal(await output.textContent(), shown, 'the output no longer grows after Stop');
  assert.ok(await example.locator('[data-testid="output"] [data-stream]').count() <= 200);
  assert.ok(await domSize(page) < 20000);
  assert.deepEqual(problems, []);
  await close();
});

test('an import the page lacks says so and links to what runs; a syntax error shows no empty output', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  const example = await firstExample(page);
  const textarea = example.locator('textarea');
  await pasteCode(page, textarea, 'import sqlite3\n');
  const note = example.locator('[data-testid="unsupported-note"]');
  await note.waitFor();
  assert.match(await note.textContent(), /This program uses the module 'sqlite3', which the book's Python does not have yet/);
  const link = note.locator('a');
  assert.match(await link.getAttribute('href'), /what-runs\.html#other-modules$/);

  await pasteCode(page, textarea, 'print("a"\n');
  await example.locator('[data-testid="error"]').waitFor();
  assert.match(await example.locator('[data-testid="error"]').textContent(), /SyntaxError/);
  assert.equal(await example.locator('[data-testid="output"]').count(), 0, 'no empty output box');
  assert.equal(await example.locator('[data-testid="timeline"]').count(), 0, 'no timeline of 0 tasks');

  // The link leads to the list.
  await pasteCode(page, textarea, 'import pathlib\n');
  await click(page, note.locator('a'));
  await page.waitForURL(/what-runs\.html#other-modules$/);
  assert.match(await page.locator('h3#other-modules').textContent(), /Other modules/);
  assert.deepEqual(problems, []);
  await close();
});

test('the time.sleep note shows only where time.sleep blocks a running event loop', async () => {
  // The note comes with the prediction: each example is read once its prediction is of its code.
  const predicted = (root) => assertEventually(
    async () => (await root.getAttribute('data-predict-current')) === 'true', 'the prediction is of the code shown');
  // milk_tea.py calls time.sleep before asyncio.run: no loop is running, no note.
  const first = await openPage(browser, 'why-async.html');
  const milkTea = await exampleOf(first.page, 'milk_tea.py');
  await milkTea.locator('[data-testid="predicted-total"]').waitFor();
  await predicted(milkTea);
  assert.equal(await milkTea.locator('[data-testid="blocking-note"]').count(), 0);
  await first.close();
  // blocking_pitfall.py calls it inside a coroutine: the loop stands still, and the note says so.
  const second = await openPage(browser, 'pitfalls.html');
  const pitfall = await exampleOf(second.page, 'blocking_pitfall.py');
  await predicted(pitfall);
  assert.match(await pitfall.locator('[data-testid="blocking-note"]').textContent(), /inside a running event loop/);
  assert.deepEqual([...first.problems, ...second.problems], []);
  await second.close();
});

test('the stepper works out a program that never ends in slices, and says where it stops', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  const example = await firstExample(page);
  await pasteCode(page, example.locator('textarea'), 'n = 0\nwhile True:\n    n += 1\n');
  await click(page, example.locator('[data-testid="step-through"]'));
  // The page answers while the steps are worked out: a 10 ms timer, set again and again until
  // the stepper says where the run stops, fires again and again (worked out in one go, the steps
  // would let it fire once, after them), and is never held back for long (a loaded machine delays
  // a timer too, so that band is wide).
  const lags = await page.evaluate((root) => new Promise((resolve) => {
    const lags = [];
    const until = performance.now() + 20_000;
    const sample = () => {
      const start = performance.now();
      setTimeout(() => {
        lags.push(performance.now() - start);
        const done = root.querySelector('[data-testid="stepper-truncated"]');
        if (done || performance.now() > until) resolve(lags);
        else sample();
      }, 10);
    };
    sample();
  }), await example.elementHandle());
  const note = example.locator('[data-testid="stepper-truncated"]');
  await note.waitFor({ timeout: 20000 });
  assert.ok(lags.length >= 3, `a 10 ms timer fired ${lags.length} times while the steps were worked out`);
  const worst = Math.max(...lags);
  assert.ok(worst < 1000, `a 10 ms timer fired after up to ${worst.toFixed(0)} ms`);
  assert.match(await note.textContent(), /^The run stops here, at line \d: step budget exhausted/);
  assert.deepEqual(problems, []);
  await close();
});
