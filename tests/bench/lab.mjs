// Browser half of `cargo xtask bench`: the widgets' download size, each chapter's HTML bytes and
// how soon its first widget answers a reader, the timeline lab's real overhead on Chromium's
// event loop (measured total minus ideal total, 20 runs per strategy) and the cost of a
// re-prediction. Prints one JSON object on stdout; xtask adds CPython's numbers beside it.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

import {
  launch, openPage, waitForWidgets, chapterPaths, prepareLab, runStrategy,
} from '../e2e/browser.mjs';
import { click, pasteCode } from '../e2e/hands.mjs';

const RUNS = Number(process.env.AIO_RUNS || 20);
const DURATIONS = [0.3, 0.2, 0.1];
const IDEAL_MS = { sequential: 600, create_task: 300, gather: 300 };

function sizes(path) {
  const raw = readFileSync(path);
  const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  return { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length, brotli: brotli.length };
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.round((sorted.length - 1) * q)];
  const round = (x) => Math.round(x * 1000) / 1000;
  return { median: round(at(0.5)), p95: round(at(0.95)) };
}

const pkg = process.env.AIO_PKG_DIR;
const assets = process.env.AIO_ASSETS_DIR;
const files = {
  wasm: join(pkg, 'aio_widgets_bg.wasm'),
  js_glue: join(pkg, 'aio_widgets.js'),
  ...Object.fromEntries(readdirSync(assets).map((name) => [name, join(assets, name)])),
};
const report = { sizes: {}, overhead_ms: {} };
let total = { raw: 0, gzip: 0, brotli: 0 };
for (const [name, path] of Object.entries(files)) {
  const s = sizes(path);
  report.sizes[name] = s;
  for (const key of Object.keys(total)) total[key] += s[key];
}
report.sizes.all_widget_code = total;

const browser = await launch();

// Each page: its HTML bytes, and the time from navigation to the first widget that answers a
// reader (a keystroke in an editor shows the "edited" badge; a click on "Add task" adds a row;
// a digit in the comparison lab changes its totals), median of 3 cold loads, in ms of the page's
// own clock. The search index and the print view are weighed too.
const site = process.env.AIO_SITE_DIR;
async function firstResponseMs(path) {
  const { page, close } = await openPage(browser, path);
  const example = page.locator('.aio-example').first();
  const lab = page.locator('.aio-lab:not(.aio-compare)').first();
  const compare = page.locator('.aio-compare').first();
  const any = page.locator('.aio-example, .aio-lab, .aio-compare').first();
  const widgets = await waitForWidgets(page);
  if (widgets.length === 0 || !(await any.count())) {
    await close();
    return null; // a page without an editable widget
  }
  if (await example.count()) {
    await click(page, example.locator('textarea'), { x: 40, y: 12 });
    await page.keyboard.press('End');
    await page.keyboard.type(' ');
    await example.locator('.aio-example__badge').waitFor({ timeout: 20000 });
  } else if (await lab.count()) {
    const rows = await lab.locator('.aio-task').count();
    await click(page, lab.locator('[data-testid="add-task"]'));
    await page.waitForFunction(([el, n]) => el.querySelectorAll('.aio-task').length > n, [await lab.elementHandle(), rows]);
  } else {
    const before = await compare.locator('table').textContent();
    await click(page, compare.locator('input').first());
    await page.keyboard.press('End');
    await page.keyboard.type('1');
    await page.waitForFunction(([el, t]) => el.querySelector('table').textContent !== t, [await compare.elementHandle(), before]);
  }
  const ms = await page.evaluate(() => performance.now());
  await close();
  return ms;
}
report.pages = {};
for (const path of [...await chapterPaths(browser), 'print.html']) {
  const html = readFileSync(join(site, path)).length;
  const samples = [];
  if (path !== 'print.html') {
    for (let k = 0; k < 3; k++) samples.push(await firstResponseMs(path));
  }
  const answered = samples.filter((x) => x !== null);
  report.pages[path] = {
    html_bytes: html,
    first_response_ms: answered.length ? Math.round(stats(answered).median) : null,
  };
}
const index = readdirSync(site).find((name) => name.startsWith('searchindex') && name.endsWith('.js'));
report.pages.search_index_bytes = index ? readFileSync(join(site, index)).length : null;

const { page, close } = await openPage(browser, 'why-async.html');
await waitForWidgets(page);
const lab = await prepareLab(page, DURATIONS);
for (const key of Object.keys(IDEAL_MS)) {
  const overheads = [];
  for (let run = 0; run < RUNS; run++) {
    const { total } = await runStrategy(page, lab, key);
    overheads.push(total - IDEAL_MS[key]);
  }
  report.overhead_ms[key] = stats(overheads);
}
await close();

// Re-prediction: how long the engine takes to re-run each book example in virtual time, in the
// page's wasm, as the reader edits it (the widget measures it and exposes data-predict-ms).
const perExample = {};
for (const path of await chapterPaths(browser)) {
  const session = await openPage(browser, path);
  await waitForWidgets(session.page);
  const roots = session.page.locator('.aio-widget[data-aio-widget="asyncio-example"] .aio-example');
  for (let i = 0; i < await roots.count(); i++) {
    const root = roots.nth(i);
    const id = JSON.parse(await roots.nth(i).locator('xpath=..').getAttribute('data-aio-props')).id;
    const editor = root.locator('textarea[data-testid="editor"]');
    const original = await editor.inputValue();
    const samples = [];
    // An edit as a reader makes it (a click in the editor, Ctrl+A and a paste), to time the
    // prediction it causes.
    for (let k = 0; k < 7; k++) {
      await pasteCode(session.page, editor, original + ' '.repeat(k % 2));
      // A heavy prediction runs in slices over several frames: wait for the one of this text.
      await root.locator('xpath=self::*[@data-predict-current="true"]').waitFor({ timeout: 30000 });
      samples.push(Number(await root.getAttribute('data-predict-ms')));
    }
    // The last edit restored the original text; Reset is only enabled if something is left over.
    const reset = root.locator('[data-testid="reset"]');
    if (await reset.isEnabled()) await click(session.page, reset);
    perExample[id] = stats(samples).median;
  }
  await session.close();
}
const medians = Object.values(perExample);
const worst = Object.entries(perExample).sort((a, b) => b[1] - a[1])[0];
report.repredict_ms = {
  examples: medians.length,
  median_of_medians: stats(medians).median,
  worst: { example: worst?.[0], median_ms: worst?.[1] },
};
await browser.close();
process.stdout.write(JSON.stringify(report));
