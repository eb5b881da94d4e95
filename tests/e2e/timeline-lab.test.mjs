// The timeline lab in the first chapter, driven like a reader would: durations 0.3, 0.2 and 0.1 s,
// each strategy run for real on the browser's event loop, measured against the prediction.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import {
  launch, openPage, waitForWidgets, prepareLab, runStrategy as runLab, assertEventually,
} from './browser.mjs';
import { click, typeInto, press } from './hands.mjs';

const CHAPTER = 'why-async.html';
const DURATIONS = [0.3, 0.2, 0.1];
// Timers fire a few ms late, never early; a loaded CI machine adds more, so the band is generous.
const SLACK_MS = 100;

let browser;
let session;
let lab;

before(async () => {
  browser = await launch();
  session = await openPage(browser, CHAPTER);
  await waitForWidgets(session.page);
  lab = await prepareLab(session.page, DURATIONS);
});

after(async () => {
  await session?.close();
  await browser?.close();
});

function runStrategy(key) {
  return runLab(session.page, lab, key);
}

function assertWithin(value, low, high, what) {
  assert.ok(value >= low && value <= high, `${what}: ${value.toFixed(1)} ms is not in [${low}, ${high}]`);
}

test('sequential await: the durations add up and each task starts when the previous ends', async () => {
  const { total, rows } = await runStrategy('sequential');
  assertWithin(total, 600, 600 + SLACK_MS, 'sequential total');
  assert.equal(rows.length, 3);
  for (let i = 1; i < rows.length; i++) {
    assert.ok(rows[i].start >= rows[i - 1].end, `task ${i} starts after task ${i - 1} ends`);
  }
  rows.forEach((row, i) => assertWithin(row.end - row.start, DURATIONS[i] * 1000, DURATIONS[i] * 1000 + SLACK_MS, `task ${i} duration`));
  // The measured total reads in seconds, like the ideal one, with the difference in ms.
  const panel = lab.locator('[data-testid="panel-sequential"]');
  assert.match(await panel.locator('.aio-stats').textContent(), /Ideal total0\.60 sMeasured0\.6\d\d s \(\+\d+\.\d ms\)/);
});

for (const key of ['create_task', 'gather']) {
  test(`${key}: the tasks overlap and the total is the longest one`, async () => {
    const { total, rows } = await runStrategy(key);
    assertWithin(total, 300, 300 + SLACK_MS, `${key} total`);
    assert.equal(rows.length, 3);
    // All start before the first one ends, in the order they were scheduled.
    const firstEnd = Math.min(...rows.map((r) => r.end));
    for (const row of rows) assert.ok(row.start < firstEnd, `task ${row.task} starts before any ends`);
    assert.ok(rows[0].start <= rows[1].start && rows[1].start <= rows[2].start, 'start order is task order');
    // The shortest finishes first.
    assert.ok(rows[2].end <= rows[1].end && rows[1].end <= rows[0].end, 'end order follows the durations');
  });
}

test('editing a duration updates the code and the prediction', async () => {
  const code = lab.locator('pre[data-testid="code-sequential"]');
  const predicted = lab.locator('[data-testid="predicted-total-sequential"]');
  assert.match(await code.textContent(), /asyncio\.sleep\(0\.3\)/);
  assert.match(await predicted.textContent(), /0\.60/);
  await typeInto(session.page, lab.locator('input[data-testid="duration-0"]'), '1.25');
  await assertEventually(async () => /asyncio\.sleep\(1\.25\)/.test(await code.textContent()), 'code follows the edit');
  await assertEventually(async () => /1\.55/.test(await predicted.textContent()), 'prediction follows the edit');
  await typeInto(session.page, lab.locator('input[data-testid="duration-0"]'), '0.3');
});

test('invalid input is refused inline and changes nothing else', async () => {
  const code = lab.locator('pre[data-testid="code-gather"]');
  const before = await code.textContent();
  const cases = [
    ['-1', /negative/],
    ['abc', /not a number/],
    ['', /Enter a duration/],
    ['61', /60 seconds or less/],
  ];
  for (const [text, message] of cases) {
    // Pasted, so that no valid prefix (the 6 of 61) becomes the last valid value on the way.
    await typeInto(session.page, lab.locator('input[data-testid="duration-1"]'), text, { paste: true });
    const error = lab.locator('[data-testid="duration-error-1"]');
    await error.waitFor();
    assert.match(await error.textContent(), message, `message for ${JSON.stringify(text)}`);
    assert.equal(await lab.locator('[data-testid="run-gather"]').isDisabled(), true, 'Run is disabled');
    assert.equal(await code.textContent(), before, 'the code keeps the last valid value');
  }
  await typeInto(session.page, lab.locator('input[data-testid="duration-1"]'), '0.2');
  await lab.locator('[data-testid="duration-error-1"]').waitFor({ state: 'detached' });
});

test("typing in the lab does not trigger mdBook's shortcuts", async () => {
  const url = session.page.url();
  const input = lab.locator('input[data-testid="duration-2"]');
  await click(session.page, input);
  await press(session.page, 'End');
  await press(session.page, 'ArrowRight');
  await press(session.page, 'ArrowLeft');
  await press(session.page, 's');
  assert.equal(session.page.url(), url, 'arrow keys did not change chapter');
  // The caret moved left inside the input and `s` was typed there, not sent to mdBook's search.
  assert.equal(await input.inputValue(), '0.s1', 'the keys reached the input');
  assert.equal(await session.page.locator('#mdbook-search-wrapper').first().isVisible(), false, 'search stayed closed');
  await typeInto(session.page, input, '0.1');
});

test('switching the theme changes the widget colours without a reload', async () => {
  const colours = () => lab.evaluate((el) => {
    const style = getComputedStyle(el);
    return `${style.color} / ${style.backgroundColor}`;
  });
  const page = session.page;
  const choose = async (theme) => {
    if (!(await page.locator(`#mdbook-theme-${theme}`).isVisible())) {
      await click(page, page.locator('#mdbook-theme-toggle'));
    }
    await click(page, page.locator(`#mdbook-theme-${theme}`));
    await page.waitForFunction((t) => document.documentElement.classList.contains(t), theme);
  };
  await choose('light');
  const light = await colours();
  await choose('coal');
  const coal = await colours();
  assert.notEqual(light, coal, 'light and coal differ');
  assert.deepEqual(session.problems, [], 'no console error during the whole session');
});
