// A real-time run whose timers the browser throttles (a hidden tab, or a page too busy to run them
// on time) is labelled as such, instead of reporting the browser's delays as the program's timings.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, openPage, waitForWidgets } from './browser.mjs';
import { click, pasteCode } from './hands.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PROGRAM = `import asyncio

async def main():
    for i in range(3):
        await asyncio.sleep(0.3)
        print(i)

asyncio.run(main())
`;

// Puts PROGRAM in the page's first code widget and starts it; `during` runs once it has started.
async function runProgram(page, during = async () => {}) {
  await waitForWidgets(page);
  const root = page.locator('.aio-widget[data-aio-widget="asyncio-example"]').first().locator('.aio-example');
  await pasteCode(page, root.locator('textarea[data-testid="editor"]'), PROGRAM);
  const previous = Number(await root.getAttribute('data-run-count'));
  await click(page, root.locator('[data-testid="run"]'));
  await during();
  await page.waitForFunction(([el, prev]) => Number(el.dataset.runCount) > prev && el.dataset.runState !== 'running',
    [await root.elementHandle(), previous], { timeout: 15000 });
  const output = await root.locator('[data-testid="output"] [data-stream]').allTextContents();
  assert.deepEqual(output, ['0', '1', '2'], 'the program ran to the end');
  const note = root.locator('[data-testid="throttled-note"]');
  const text = (await note.count()) ? await note.textContent() : null;
  await click(page, root.locator('[data-testid="reset"]'));
  return text;
}

test('a run in a tab in front is not labelled', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  assert.equal(await runProgram(page), null);
  assert.deepEqual(problems, []);
  await close();
});

test('a run whose timers fire late (the page was busy) is labelled, with how late', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  const note = await runProgram(page, () => page.evaluate(() => {
    // Block the page for 700 ms while the first sleep (300 ms) is pending.
    const start = performance.now();
    while (performance.now() - start < 700) { /* busy */ }
  }));
  assert.match(note ?? '', /not the program's: the browser ran a timer \d+ ms late/);
  assert.deepEqual(problems, []);
  await close();
});

test('a run in a hidden tab is labelled', async () => {
  const context = await browser.newContext();
  // What the page sees of a tab in the background.
  await context.addInitScript(() => {
    Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => true });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL('tasks.html', process.env.AIO_BOOK_URL).href);
  const note = await runProgram(page);
  assert.match(note ?? '', /tab was hidden/);
  assert.deepEqual(errors, []);
  await context.close();
});
