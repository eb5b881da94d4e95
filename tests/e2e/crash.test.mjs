// A panic inside a widget: the module aborts (the wasm profile has panic=abort), which traps the
// whole WebAssembly instance. The loader then shows an error box with a Restart button in the
// widget that crashed, and mounts every other widget again in a fresh instance; the reader's edits
// survive, the other widgets keep working.
//
// The crash is requested through the module's test-only export `testPanicOnNextRender` (reachable
// from the page's scripts, not from anything a reader can click or type).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, openPage, waitForWidgets } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function runAndRead(page, root) {
  const previous = Number(await root.getAttribute('data-run-count'));
  await root.locator('[data-testid="run"]').click();
  await page.waitForFunction(([el, prev]) => Number(el.dataset.runCount) > prev && el.dataset.runState !== 'running',
    [await root.elementHandle(), previous], { timeout: 15000 });
  return root.locator('[data-testid="output"] [data-stream]').allTextContents();
}

test('a panic in one widget shows an error box with Restart there; the others keep working; edits survive', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  await waitForWidgets(page);
  const examples = page.locator('.aio-widget[data-aio-widget="asyncio-example"]');
  assert.ok(await examples.count() >= 2, 'the page has two code widgets');
  const first = () => examples.nth(0);
  const editor = first().locator('textarea[data-testid="editor"]');
  const edited = `${await editor.inputValue()}\nprint("kept after the crash")\n`;
  await editor.fill(edited);
  await page.waitForTimeout(300);

  // Arm the crash, then type in the first widget: its next render panics.
  await page.evaluate(async () => {
    const loader = document.querySelector('script[src*="aio-loader"]');
    const glue = await import(new URL('pkg/aio_widgets.js', loader.src).href);
    glue.testPanicOnNextRender();
  });
  await editor.press('End');
  await editor.press('Space');

  const box = first().locator('.aio-error');
  await box.waitFor({ timeout: 5000 });
  assert.match(await box.textContent(), /stopped after an internal error/);
  assert.equal(await first().getAttribute('data-aio-mounted'), 'crashed');
  assert.equal(await box.getAttribute('role'), 'alert');

  // Every other widget is mounted again, in a fresh instance, and runs.
  await page.waitForFunction(() => [...document.querySelectorAll('.aio-widget')]
    .slice(1).every((el) => el.dataset.aioMounted === 'true'), null, { timeout: 10000 });
  const second = examples.nth(1).locator('.aio-example');
  const lines = await runAndRead(page, second);
  assert.ok(lines.length > 0, 'the second widget runs after the crash');

  // Restart brings the crashed widget back, with the reader's edit.
  await first().locator('[data-testid="restart-widget"]').click();
  await page.waitForFunction(() => document.querySelector('.aio-widget').dataset.aioMounted === 'true', null, { timeout: 5000 });
  assert.equal(await first().locator('.aio-error').count(), 0, 'the error box is gone');
  assert.equal(await first().locator('textarea[data-testid="editor"]').inputValue(), edited, 'the edit survived the crash');
  const restarted = await runAndRead(page, first().locator('.aio-example'));
  assert.ok(restarted.includes('kept after the crash'), 'the restarted widget runs the edited code');

  // The only problems are the panic itself, reported loudly on the console.
  const unexpected = problems.filter((p) => !/aio-widgets: panicked|crash requested by the end-to-end tests|unreachable/i.test(p));
  assert.deepEqual(unexpected, [], 'nothing else went wrong');
  assert.ok(problems.some((p) => /crash requested by the end-to-end tests/.test(p)), 'the panic message reached the console');
  await first().locator('[data-testid="reset"]').click();
  await close();
});
