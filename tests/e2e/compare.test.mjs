// The comparison lab in the chapter "Coroutines, threads and processes compared", driven like a
// reader would: it mounts, the presets change which model wins, bad input shows a message.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, openPage, waitForWidgets, assertEventually } from './browser.mjs';
import { click, typeInto } from './hands.mjs';

const CHAPTER = 'compared.html';

let browser;
let session;
let lab;

before(async () => {
  browser = await launch();
  session = await openPage(browser, CHAPTER);
  await waitForWidgets(session.page);
  lab = session.page.locator('.aio-widget[data-aio-widget="compare-lab"]');
});

after(async () => {
  await session?.close();
  await browser?.close();
});

// The models marked fastest in the summary table, and every model's total in seconds.
async function summary() {
  return lab.locator('[data-testid="compare-summary"]').evaluate((table) => {
    const rows = [...table.querySelectorAll('tbody tr')];
    return {
      fastest: rows.filter((row) => row.dataset.fastest === 'true').map((row) => row.dataset.model),
      totals: Object.fromEntries(rows.map((row) => [row.dataset.model, Number(row.cells[1].textContent)])),
    };
  });
}

test('the lab mounts in the chapter with four models and no page error', async () => {
  assert.equal(await lab.count(), 1);
  assert.equal(await lab.getAttribute('data-aio-mounted'), 'true');
  // yew renders after mount returns: wait for the last panel before counting.
  await lab.locator('[data-testid="compare-model-processes"] svg').waitFor();
  for (const model of ['sequential', 'asyncio', 'threads', 'processes']) {
    assert.equal(await lab.locator(`[data-testid="compare-model-${model}"] svg`).count(), 1, model);
  }
  assert.match(await lab.locator('[data-testid="compare-code-asyncio"]').textContent(), /asyncio\.gather/);
  assert.deepEqual(session.problems, []);
});

test('I/O-bound: asyncio and threads win; CPU-bound: processes win and threads gain nothing', async () => {
  await click(session.page, lab.locator('[data-testid="compare-preset-io"]'));
  await assertEventually(async () => (await summary()).fastest.join() === 'asyncio,threads', 'I/O-bound winners');
  const io = await summary();
  assert.ok(io.totals.asyncio * 3 < io.totals.sequential, `asyncio ≪ sequential: ${JSON.stringify(io.totals)}`);

  await click(session.page, lab.locator('[data-testid="compare-preset-cpu"]'));
  await assertEventually(async () => (await summary()).fastest.join() === 'processes', 'CPU-bound winner');
  const cpu = await summary();
  assert.ok(Math.abs(cpu.totals.threads - cpu.totals.sequential) < 0.01, `threads ≈ sequential: ${JSON.stringify(cpu.totals)}`);
  assert.equal(cpu.totals.asyncio, cpu.totals.sequential);
  // The input shows what the preset set.
  assert.equal(await lab.locator('input[data-testid="compare-cpu"]').inputValue(), '1.0');
});

test('tiny jobs: starting processes costs more than the work, and no winner is called slower', async () => {
  await click(session.page, lab.locator('[data-testid="compare-preset-tiny"]'));
  await assertEventually(async () => (await summary()).fastest.includes('sequential'), 'tiny jobs: sequential among the fastest');
  const rows = await lab.locator('[data-testid="compare-summary"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ model: tr.dataset.model, fastest: tr.dataset.fastest === 'true', words: tr.cells[2].textContent })));
  for (const row of rows.filter((r) => r.fastest)) {
    assert.doesNotMatch(row.words, /slower/, `${row.model} is among the fastest, so not "${row.words}"`);
  }
  assert.match(rows.find((r) => r.model === 'processes').words, /slower/);
});

test('more cores speed up the processes only', async () => {
  await click(session.page, lab.locator('[data-testid="compare-preset-cpu"]'));
  const before = await summary();
  await typeInto(session.page, lab.locator('input[data-testid="compare-cores"]'), '4');
  await assertEventually(async () => (await summary()).totals.processes < before.totals.processes, 'processes get faster');
  const after = await summary();
  assert.equal(after.totals.threads, before.totals.threads);
  await typeInto(session.page, lab.locator('input[data-testid="compare-cores"]'), '2');
});

test('invalid input shows a message and keeps the last valid results', async () => {
  const before = await summary();
  const cases = [
    ['compare-jobs', '-3', /choose from 1 to 12/],
    ['compare-workers', 'many', /whole number/],
    ['compare-io', '-1', /cannot be negative/],
  ];
  for (const [id, text, message] of cases) {
    const input = lab.locator(`input[data-testid="${id}"]`);
    const original = await input.inputValue();
    await typeInto(session.page, input, text);
    const error = lab.locator(`[data-testid="${id.replace('compare-', 'compare-error-')}"]`);
    await assertEventually(async () => (await error.count()) === 1, `${id}=${text} shows a message`);
    assert.match(await error.textContent(), message);
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await summary(), before, 'a refused value changes no total');
    await typeInto(session.page, input, original);
    await assertEventually(async () => (await error.count()) === 0, `${id} message goes away`);
  }
  assert.deepEqual(session.problems, []);
});
