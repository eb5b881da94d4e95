// Accessibility: axe-core (pinned in package.json) finds no serious or critical violation in the
// book's widgets on any chapter of either edition (English, Chinese), in a light and a dark
// theme; every control of the widgets is reachable with Tab and usable from the keyboard.
//
// axe is run on the widgets (and their static fallbacks), not on mdBook's own template, which has
// findings this book does not control: the sidebar toggle's ARIA attributes on a <label>, the
// contrast of the active chapter in the coal sidebar, and code blocks that scroll without being
// focusable.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { launch, openPage, waitForWidgets, chapterPaths } from './browser.mjs';
import { click, tabTo, press } from './hands.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('axe finds no serious or critical violation in the widgets of any chapter of either edition, in the light and coal themes', async () => {
  const found = [];
  for (const path of [...await chapterPaths(browser), ...await chapterPaths(browser, 'zh-CN/')]) {
    for (const theme of ['light', 'coal']) {
      const { page, problems, close } = await openPage(browser, path, { theme });
      const widgets = await waitForWidgets(page);
      if (widgets.length === 0) { await close(); continue; }
      // Evaluated through the debugging protocol, which the page's CSP does not govern.
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => {
        // The widgets only: mdBook's own template has findings of its own (see below).
        const result = await window.axe.run({ include: [['.aio-widget']] }, { resultTypes: ['violations'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`
            + (v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''));
      });
      found.push(...violations.map((v) => `${path} (${theme}): ${v}`));
      assert.deepEqual(problems, [], `${path} (${theme})`);
      await close();
    }
  }
  assert.deepEqual(found, [], 'no serious or critical accessibility violation');
});

// Presses Tab until focus has gone round the page once; returns the widget controls it reached.
async function tabThrough(page) {
  const reached = new Set();
  for (let i = 0; i < 600; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return { done: true };
      if (!el.dataset.aioKey) el.dataset.aioKey = String(Math.random());
      return { key: el.dataset.aioKey, editor: el.tagName === 'TEXTAREA', inWidget: !!el.closest('.aio-widget') };
    });
    if (info.done) break;
    if (info.inWidget) {
      if (reached.has(info.key)) break;
      reached.add(info.key);
    }
    // The editor keeps Tab for indentation; Escape first lets the next Tab leave it.
    if (info.editor) await page.keyboard.press('Escape');
  }
  return reached;
}

test('every widget control is reachable with Tab, and Run works from the keyboard', async () => {
  for (const path of ['tasks.html', 'why-async.html']) {
    const { page, problems, close } = await openPage(browser, path);
    await waitForWidgets(page);
    // A click on the chapter's title (text, not a control) leaves nothing focused and starts Tab
    // from the top of the chapter, above every widget.
    await click(page, page.locator('main h1').first());
    const reached = await tabThrough(page);
    const missed = await page.evaluate((keys) => {
      const controls = [...document.querySelectorAll('.aio-widget button, .aio-widget input, .aio-widget textarea, .aio-widget select, .aio-widget [tabindex]:not([tabindex="-1"])')]
        .filter((el) => !el.disabled && el.offsetParent !== null && el.tabIndex >= 0)
        // A closed <details> shows only its summary; what it folds away is reached after opening it.
        .filter((el) => !el.closest('details:not([open]) > :not(summary)'));
      return controls.filter((el) => !keys.includes(el.dataset.aioKey))
        .map((el) => `${el.tagName.toLowerCase()}[data-testid=${el.dataset.testid}] "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`);
    }, [...reached]);
    assert.deepEqual(missed, [], `${path}: every enabled control is reached with Tab`);
    assert.deepEqual(problems, [], path);
    await close();
  }

  // Run from the keyboard: Tab to the button, then Enter.
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  await waitForWidgets(page);
  const root = page.locator('.aio-widget[data-aio-widget="asyncio-example"]').first().locator('.aio-example');
  await tabTo(page, root.locator('[data-testid="run"]'));
  await press(page, 'Enter');
  await page.waitForFunction((el) => Number(el.dataset.runCount) > 0 && el.dataset.runState !== 'running',
    await root.elementHandle(), { timeout: 15000 });
  assert.ok(await root.locator('[data-testid="output"] [data-stream]').count() > 0, 'Enter on Run ran the program');
  assert.deepEqual(problems, []);
  await close();
});
