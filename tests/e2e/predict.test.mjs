// "Predict, then run" exercises, driven like a reader would: the answer stays hidden until the
// reader locks in a prediction; a wrong total is "not quite", Try again forgets it, the right total
// is right; an order is solved with the Up/Down buttons. Nothing leaves the reader's browser.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, openPage, waitForWidgets } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function exercise(page, file) {
  await waitForWidgets(page);
  return page.locator(`.aio-widget[data-aio-props*="${file}"] .aio-example`);
}

test('a total: a wrong guess is not quite, Try again, the right one is right', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  const root = await exercise(page, 'predict_tasks.py');
  await root.locator('[data-testid="predict-form"]').waitFor();
  // The code is shown, the engine's answer is not.
  assert.equal(await root.locator('textarea[data-testid="editor"]').count(), 1);
  assert.equal(await root.locator('[data-testid="predicted-total"]').count(), 0);
  assert.equal(await root.locator('[data-testid="output"]').count(), 0);

  const input = root.locator('input[data-testid="predict-total"]');
  await input.fill('abc');
  await root.locator('button[data-testid="predict-lock"]').click();
  assert.match(await root.locator('[data-testid="predict-error"]').textContent(), /not a number/);

  await input.fill('0.5');
  await root.locator('button[data-testid="predict-lock"]').click();
  const verdict = root.locator('[data-testid="predict-verdict"]');
  await verdict.waitFor();
  assert.equal(await verdict.getAttribute('data-correct'), 'false');
  assert.match(await verdict.textContent(), /not quite/i);
  assert.match(await verdict.textContent(), /0\.20 s too long/);
  // Revealed, and run for real.
  await page.waitForFunction((el) => el.dataset.runState === 'finished', await root.elementHandle(), { timeout: 10_000 });
  assert.equal(await root.locator('[data-testid="predicted-total"]').textContent(), '0.30 s');
  assert.equal(await root.locator('[data-testid="output"]').getAttribute('data-predicted'), 'false');

  // The verdict is kept in this browser across a reload.
  await page.reload();
  const again = await exercise(page, 'predict_tasks.py');
  await again.locator('[data-testid="predict-verdict"][data-correct="false"]').waitFor();

  await again.locator('button[data-testid="predict-reset"]').click();
  await again.locator('[data-testid="predict-form"]').waitFor();
  assert.equal(await again.locator('[data-testid="predict-verdict"]').count(), 0);
  await again.locator('input[data-testid="predict-total"]').fill('0.3');
  await again.locator('button[data-testid="predict-lock"]').click();
  await again.locator('[data-testid="predict-verdict"][data-correct="true"]').waitFor();

  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('aio-predict:')));
  assert.deepEqual(stored, ['aio-predict:v1:examples/predict_tasks.py']);
  // openPage records any request that leaves 127.0.0.1 as a problem.
  assert.deepEqual(problems, []);
  await close();
});

test('an order is solved with the Up buttons', async () => {
  const { page, problems, close } = await openPage(browser, 'coroutines.html');
  const root = await exercise(page, 'predict_coroutines.py');
  await root.locator('[data-testid="predict-form"]').waitFor();
  const want = [
    'before asyncio.run',
    'main: order written down',
    'brew: start oolong',
    'brew: oolong ready',
    'main: drinking oolong',
  ];
  const order = async () => {
    const lines = [];
    for (let i = 0; i < want.length; i++) {
      lines.push((await root.locator(`[data-testid="predict-line-${i}"] code`).textContent()).trim());
    }
    return lines;
  };
  let lines = await order();
  assert.notDeepEqual(lines, want, 'the lines start shuffled');
  assert.deepEqual([...lines].sort(), [...want].sort(), 'the printed lines, each once');
  for (let place = 0; place < want.length; place++) {
    let at = lines.indexOf(want[place], place);
    while (at > place) {
      // Keyboard-usable: focus the button and press Enter.
      await root.locator(`[data-testid="predict-up-${at}"]`).focus();
      await page.keyboard.press('Enter');
      at--;
    }
    lines = await order();
  }
  assert.deepEqual(lines, want);
  await root.locator('button[data-testid="predict-lock"]').click();
  const verdict = root.locator('[data-testid="predict-verdict"]');
  await verdict.waitFor();
  assert.equal(await verdict.getAttribute('data-correct'), 'true');
  assert.match(await verdict.textContent(), /all 5 lines/);
  assert.deepEqual(problems, []);
  await close();
});
