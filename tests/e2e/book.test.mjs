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

// Pages stay light whatever their programs do (a fallback draws a bounded number of lanes and
// rows), and the search index holds the prose, not tables and predicted output.
test('every chapter is under 600 KB of HTML, print.html under 2 MB, the search index under 1 MB', async () => {
  const size = async (path) => {
    const response = await fetch(new URL(path, BOOK_URL));
    assert.equal(response.status, 200, path);
    return (await response.arrayBuffer()).byteLength;
  };
  for (const path of await chapterPaths(browser)) {
    const bytes = await size(path);
    assert.ok(bytes < 600_000, `${path} is ${bytes} bytes`);
  }
  const print = await size('print.html');
  assert.ok(print < 2_000_000, `print.html is ${print} bytes`);
  const { page, close } = await openPage(browser, 'index.html');
  // mdBook names the hashed index in a global, and loads it when the reader first searches.
  const index = await page.evaluate(() => new URL(window.path_to_searchindex_js, document.baseURI).href);
  await close();
  assert.match(index, /searchindex-[0-9a-f]+\.js$/);
  const indexBytes = await size(index);
  assert.ok(indexBytes < 1_000_000, `the search index is ${indexBytes} bytes`);
  const text = await (await fetch(index)).text();
  assert.ok(text.includes('event loop'), 'the prose is');
  // A fallback's tables and predicted output are drawn by the stylesheet from data-aio-text
  // attributes: a reader sees them on tasks.html, the index has none of them.
  const chapter = await (await fetch(new URL('tasks.html', BOOK_URL))).text();
  assert.ok(chapter.includes('data-aio-text="Created (s)"'), 'tasks.html has a fallback table');
  assert.ok(!text.includes('Created (s)'), 'fallback tables are not indexed');
  // Output lines with a time stamp (plain text only, spelled the same in the HTML and the index).
  const printed = [...chapter.matchAll(/data-aio-text="(\[\d+\.\d\d\] [\w .,:;()=/-]+)(?:\n|&#10;)"/g)].map((m) => m[1]);
  assert.ok(printed.length >= 5, `tasks.html shows predicted output: ${printed.length} lines`);
  assert.deepEqual(printed.filter((line) => text.includes(line)), [], 'predicted output is not indexed');
});
