// The event-loop stepper, driven like a reader would: the event-loop chapter opens it on its
// example; the keys and buttons step through the run; back and forward return to the very same
// state; every example has a Step through button; a shared link restores the step and the edits.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, openPage, exampleOf as example } from './browser.mjs';
import { click, pasteCode, press, hasFocus, chooseOption, slideTo } from './hands.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// What the panels show at the current step.
async function snapshot(stepper) {
  const texts = (id) => stepper.locator(`[data-testid="${id}"] li`).allTextContents();
  return {
    step: await stepper.getAttribute('data-step'),
    explanation: await stepper.locator('[data-testid="stepper-explanation"]').textContent(),
    running: await stepper.locator('[data-testid="stepper-running"]').textContent(),
    clock: await stepper.locator('[data-testid="stepper-clock"]').textContent(),
    ready: await texts('stepper-ready'),
    timers: await texts('stepper-timers'),
    tasks: await texts('stepper-tasks'),
    output: await stepper.locator('[data-testid="stepper-output"]').textContent(),
    line: await stepper.locator('[aria-current="step"]').getAttribute('data-line'),
  };
}

// Gives the stepper the keyboard focus as a reader does: a click on its title (text, not a
// control), which focuses the stepper around it.
async function focusStepper(page, stepper) {
  await click(page, stepper.locator('.aio-stepper__title'));
  assert.ok(await hasFocus(stepper), 'a click on the title gives the stepper the focus');
}

async function atStep(page, stepper, n) {
  await page.waitForFunction(([el, n]) => el.dataset.step === String(n),
    [await stepper.elementHandle(), n], { timeout: 5000 });
}

test('the event-loop chapter opens the stepper; keys step through the queue and timers', async () => {
  const { page, problems, close } = await openPage(browser, 'event-loop.html');
  const root = await example(page, 'loop_callbacks.py');
  const stepper = root.locator('[data-testid="stepper"]');
  await stepper.waitFor();
  assert.equal(await stepper.getAttribute('data-step'), '0');
  let s = await snapshot(stepper);
  assert.deepEqual(s.ready, ['step of Task-1']);
  assert.equal(await stepper.locator('[data-testid="stepper-explanation"]').getAttribute('aria-live'), 'polite');

  // → with focus in the stepper steps it, and does not reach mdBook's "next chapter".
  await focusStepper(page, stepper);
  await press(page, 'ArrowRight');
  await atStep(page, stepper, 1);
  assert.ok(page.url().includes('event-loop.html'), page.url());
  s = await snapshot(stepper);
  assert.match(s.running, /^Task-1 \(main\)/);
  assert.deepEqual(s.ready, [
    "callback('call_soon, first in the ready queue')",
    'step of Task-2',
    "callback('call_soon, second in the ready queue')",
  ]);
  assert.deepEqual(s.timers, ["at 0.20 s: callback('timer set for 0.2 s')"]);
  assert.match(s.explanation, /Task-1 \(main\) runs until it awaits Task-2 \(sleeper\) at line 34/);
  assert.equal(s.line, '34');
  // main waits on Task-2: its row says so, and one arrow is drawn.
  assert.match(s.tasks[0], /Task-1 \(main\) ran, now waiting on task Task-2/);
  assert.equal(await stepper.locator('.aio-stepper__arrow').count(), 1);

  // Back and forward return to the very same state.
  await press(page, 'ArrowRight', 2);
  await atStep(page, stepper, 3);
  const third = await snapshot(stepper);
  await click(page, stepper.locator('[data-testid="stepper-back"]'));
  await atStep(page, stepper, 2);
  await click(page, stepper.locator('[data-testid="stepper-forward"]'));
  await atStep(page, stepper, 3);
  assert.deepEqual(await snapshot(stepper), third);
  assert.deepEqual(third.ready, ['step of Task-2', "callback('call_soon, second in the ready queue')"]);
  assert.match(third.output, /callback: call_soon, first in the ready queue/);

  // End jumps to the end: the clock reached 0.25 s and everything is done; Home goes back.
  await focusStepper(page, stepper);
  await press(page, 'End');
  const steps = Number(await stepper.getAttribute('data-steps'));
  await atStep(page, stepper, steps - 1);
  s = await snapshot(stepper);
  assert.match(s.clock, /^0\.25 s/);
  assert.deepEqual(s.ready, []);
  assert.match(s.output, /main: done/);
  await press(page, 'Home');
  await atStep(page, stepper, 0);

  // Play moves on by itself; Space pauses.
  await chooseOption(page, stepper.locator('[data-testid="stepper-speed"]'), '150');
  await click(page, stepper.locator('[data-testid="stepper-play"]'));
  await page.waitForFunction((el) => Number(el.dataset.step) >= 3, await stepper.elementHandle(), { timeout: 5000 });
  await focusStepper(page, stepper);
  await press(page, ' ');
  await page.waitForFunction((el) => el.dataset.playing === 'false', await stepper.elementHandle());
  // The scrubber goes straight to any step.
  await slideTo(page, stepper.locator('[data-testid="stepper-scrubber"]'), 5);
  await atStep(page, stepper, 5);
  assert.deepEqual(problems, []);
  await close();
});

test('Step through on an example: the running task and the queue at chosen steps', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  const root = await example(page, 'hello_coroutine.py');
  assert.equal(await root.locator('[data-testid="stepper"]').count(), 0);
  await click(page, root.locator('[data-testid="step-through"]'));
  const stepper = root.locator('[data-testid="stepper"]');
  await stepper.waitFor();
  await slideTo(page, stepper.locator('[data-testid="stepper-scrubber"]'), 3);
  await atStep(page, stepper, 3);
  let s = await snapshot(stepper);
  assert.match(s.running, /^Task-2 \(greet\)/);
  assert.deepEqual(s.ready, ['step of Task-3']);
  assert.deepEqual(s.timers, ["at 0.10 s: end Task-2's sleep until 0.1"]);
  // main waits on its gather: arrows to both greet tasks.
  assert.equal(await stepper.locator('.aio-stepper__arrow').count(), 2);
  await slideTo(page, stepper.locator('[data-testid="stepper-scrubber"]'), 5);
  await atStep(page, stepper, 5);
  s = await snapshot(stepper);
  assert.equal(s.running, 'nothing: the loop is between items');
  assert.match(s.clock, /^0\.10 s/);
  assert.match(s.explanation, /the clock jumps to 0\.10 s/);
  assert.deepEqual(problems, []);
  await close();
});

test('a shared link restores the example, the edits and the step', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  const root = await example(page, 'hello_coroutine.py');
  // Edit: a third greeting.
  const editor = root.locator('textarea[data-testid="editor"]');
  const source = await editor.inputValue();
  const edited = source.replace('greet("Xiaohong"))', 'greet("Xiaohong"), greet("Xiaogang"))');
  assert.notEqual(edited, source);
  await pasteCode(page, editor, edited);
  await click(page, root.locator('[data-testid="step-through"]'));
  const stepper = root.locator('[data-testid="stepper"]');
  await slideTo(page, stepper.locator('[data-testid="stepper-scrubber"]'), 1);
  await atStep(page, stepper, 1);
  await focusStepper(page, stepper);
  await press(page, 'ArrowRight', 2);
  await atStep(page, stepper, 3);
  const before = await snapshot(stepper);
  assert.match(before.tasks.join('\n'), /Task-4 \(greet\)/);
  const url = page.url();
  assert.match(url, /#step=examples\/hello_coroutine\.py:3:[A-Za-z0-9_-]+$/);
  const href = await stepper.locator('[data-testid="stepper-link"]').getAttribute('href');
  assert.equal(href, `#${url.split('#')[1]}`);
  assert.deepEqual(problems, []);
  await close();

  // A fresh browser context (no stored edits) opening the link sees the same step.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  const errors = [];
  fresh.on('pageerror', (error) => errors.push(error.message));
  fresh.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await fresh.goto(url, { waitUntil: 'load' });
  const again = await example(fresh, 'hello_coroutine.py');
  const restored = again.locator('[data-testid="stepper"]');
  await restored.waitFor();
  assert.equal(await restored.getAttribute('data-step'), '3');
  assert.deepEqual(await snapshot(restored), before);
  // The link brought the stepper itself into view, not just the top of its example.
  const box = await restored.boundingBox();
  const height = fresh.viewportSize().height;
  assert.ok(box.y >= 0 && box.y < height / 2, `the stepper's top is in view: y = ${box.y}`);
  assert.equal(await again.locator('textarea[data-testid="editor"]').inputValue(), edited);
  // The other examples on the page stay closed.
  assert.equal(await fresh.locator('[data-testid="stepper"]').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});
