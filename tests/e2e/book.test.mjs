// Every page of the book loads cleanly: no console error, no failed or outside request, every
// widget placeholder mounted; and the site works from a sub-path (the server mounts it under one).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, openPage, waitForWidgets, chapterPaths, BOOK_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the book is served from a sub-path', () => {
  assert.match(new URL(BOOK_URL).pathname, /^\/[^/]+\/$/);
});

const THEMES = ['light', 'rust', 'coal', 'navy', 'ayu'];

test('every chapter loads with no error and mounts every widget, in all five themes', async () => {
  const paths = await chapterPaths(browser);
  assert.ok(paths.length >= 3, `the sidebar lists chapters (found ${paths.join(', ')})`);
  let widgets = 0;
  for (const [path, theme] of paths.flatMap((p) => THEMES.map((t) => [p, t]))) {
    const { page, problems, close } = await openPage(browser, path, { theme });
    assert.ok(await page.evaluate((t) => document.documentElement.classList.contains(t), theme), `${path} uses the ${theme} theme`);
    const states = await waitForWidgets(page);
    widgets += states.length;
    assert.deepEqual(states.filter((s) => s !== 'true'), [], `${path} (${theme}): every widget mounts`);
    const leftovers = await page.$$eval('.aio-error', (els) => els.map((e) => e.textContent));
    assert.deepEqual(leftovers, [], `${path} (${theme}): no widget error box`);
    assert.deepEqual(problems, [], `${path} (${theme}): no console error, no outside request`);
    await close();
  }
  assert.ok(widgets >= 1, 'the book has at least one widget');
});
