// "Predict, then run" exercises, driven like a reader would: the answer stays hidden until the
// reader locks in a prediction; a wrong total is "not quite", Try again forgets it, the right total
// is right; an order is solved with the Up/Down buttons; an exercise that asks both is right only
// when both are. Nothing leaves the reader's browser.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, openPage, exampleOf as exercise } from './browser.mjs';
import { click, typeInto, tabTo, press } from './hands.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a total: a wrong guess is not quite, Try again, the right one is right', async () => {
  const { page, problems, close } = await openPage(browser, 'executors.html');
  const root = await exercise(page, 'predict_executor.py');
  await root.locator('[data-testid="predict-form"]').waitFor();
  // The code is shown, the engine's answer is not.
  assert.equal(await root.locator('textarea[data-testid="editor"]').count(), 1);
  assert.equal(await root.locator('[data-testid="predicted-total"]').count(), 0);
  assert.equal(await root.locator('[data-testid="output"]').count(), 0);

  const input = root.locator('input[data-testid="predict-total"]');
  await typeInto(page, input, 'abc');
  await click(page, root.locator('button[data-testid="predict-lock"]'));
  assert.match(await root.locator('[data-testid="predict-error"]').textContent(), /not a number/);

  await typeInto(page, input, '0.5');
  await click(page, root.locator('button[data-testid="predict-lock"]'));
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
  const again = await exercise(page, 'predict_executor.py');
  await again.locator('[data-testid="predict-verdict"][data-correct="false"]').waitFor();

  await click(page, again.locator('button[data-testid="predict-reset"]'));
  await again.locator('[data-testid="predict-form"]').waitFor();
  assert.equal(await again.locator('[data-testid="predict-verdict"]').count(), 0);
  await typeInto(page, again.locator('input[data-testid="predict-total"]'), '0.3');
  await click(page, again.locator('button[data-testid="predict-lock"]'));
  await again.locator('[data-testid="predict-verdict"][data-correct="true"]').waitFor();

  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('aio-predict:')));
  assert.deepEqual(stored, ['aio-predict:v1:examples/predict_executor.py']);
  // openPage records any request that leaves 127.0.0.1 as a problem.
  assert.deepEqual(problems, []);
  await close();
});

// The exercise's first `count` lines, in the order it shows them.
async function lineOrder(root, count) {
  const lines = [];
  for (let i = 0; i < count; i++) {
    lines.push((await root.locator(`[data-testid="predict-line-${i}"] code`).textContent()).trim());
  }
  return lines;
}

// Puts the exercise's lines in the order `want`, with the keyboard on the Up buttons: Tab (or
// Shift+Tab) to the button and Enter.
async function putInOrder(page, root, want) {
  const order = () => lineOrder(root, want.length);
  let lines = await order();
  assert.deepEqual([...lines].sort(), [...want].sort(), 'the printed lines, each once');
  // A click on the question puts the keyboard's starting point in the exercise (it focuses
  // nothing); from there the buttons are a few Tabs away.
  await click(page, root.locator('.aio-predict__question'));
  for (let place = 0; place < want.length; place++) {
    let at = lines.indexOf(want[place], place);
    while (at > place) {
      await tabTo(page, root.locator(`[data-testid="predict-up-${at}"]`));
      await press(page, 'Enter');
      at--;
    }
    lines = await order();
  }
  assert.deepEqual(lines, want);
}

test('order and time: the lines without their time stamps, right only when both are', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  const root = await exercise(page, 'predict_tasks.py');
  await root.locator('[data-testid="predict-form"][data-predict="both"]').waitFor();
  const want = ['B start', 'A start', 'B end', 'C start', 'C end', 'A end', 'total'];
  // The time stamps the program prints ("[0.10] B end") would give the order away.
  for (let i = 0; i < want.length; i++) {
    assert.doesNotMatch(await root.locator(`[data-testid="predict-line-${i}"] code`).textContent(), /\[\d/);
  }
  await putInOrder(page, root, want);
  await typeInto(page, root.locator('input[data-testid="predict-total"]'), '0.5');
  await click(page, root.locator('button[data-testid="predict-lock"]'));
  const verdict = root.locator('[data-testid="predict-verdict"]');
  await verdict.waitFor();
  assert.equal(await verdict.getAttribute('data-correct'), 'false', 'the order is right, the time is not');
  assert.match(await verdict.textContent(), /Order: Right: all 7 lines in the right place\. Time: Not quite: you said 0\.5 s, but it takes 0\.30 s/);
  await click(page, root.locator('button[data-testid="predict-reset"]'));
  await root.locator('[data-testid="predict-form"]').waitFor();
  await putInOrder(page, root, want);
  await typeInto(page, root.locator('input[data-testid="predict-total"]'), '0.3');
  await click(page, root.locator('button[data-testid="predict-lock"]'));
  await root.locator('[data-testid="predict-verdict"][data-correct="true"]').waitFor();
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
  assert.notDeepEqual(await lineOrder(root, want.length), want, 'the lines start shuffled');
  await putInOrder(page, root, want);
  await click(page, root.locator('button[data-testid="predict-lock"]'));
  const verdict = root.locator('[data-testid="predict-verdict"]');
  await verdict.waitFor();
  assert.equal(await verdict.getAttribute('data-correct'), 'true');
  assert.match(await verdict.textContent(), /all 5 lines/);
  assert.deepEqual(problems, []);
  await close();
});
