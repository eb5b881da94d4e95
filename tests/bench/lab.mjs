// Browser half of `cargo xtask bench`: the widgets' download size, and the timeline lab's real
// overhead on Chromium's event loop (measured total minus ideal total, 20 runs per strategy).
// Prints one JSON object on stdout; xtask adds CPython's numbers beside it.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

import {
  launch, openPage, waitForWidgets, chapterPaths, prepareLab, runStrategy,
} from '../e2e/browser.mjs';

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
    for (let k = 0; k < 7; k++) {
      await editor.fill(original + ' '.repeat(k % 2));
      // A heavy prediction runs in slices over several frames: wait for the one of this text.
      await root.locator('xpath=self::*[@data-predict-current="true"]').waitFor({ timeout: 30000 });
      samples.push(Number(await root.getAttribute('data-predict-ms')));
    }
    // The last edit restored the original text; Reset is only enabled if something is left over.
    const reset = root.locator('[data-testid="reset"]');
    if (await reset.isEnabled()) await reset.click();
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
