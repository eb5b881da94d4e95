// The Chinese edition (zh-CN/): every chapter mounts its widgets with Chinese labels and no error,
// the language picker leads to the same place in the other edition both ways and the reader's
// edits follow, search finds Chinese words, the static fallbacks are Chinese. (The accessibility
// audit, the layout and the Content-Security-Policy tests tour both editions.)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, openPage, waitForWidgets, chapterPaths, exampleOf, BOOK_URL } from './browser.mjs';
import { click, pasteCode, hasFocus } from './hands.mjs';

const ZH = 'zh-CN/';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The words of the widgets' controls that a reader reads (buttons, labels, tooltips, headings),
// without the code, the program's output or file names, which stay as they are.
async function interfaceWords(page) {
  return page.$$eval('.aio-widget', (widgets) => {
    const words = [];
    const skip = 'pre, code, textarea, [data-testid="output"], .aio-example__title, .aio-code, svg text';
    for (const widget of widgets) {
      for (const el of widget.querySelectorAll('button, label, h4, h5, h6, summary, legend, [aria-label], [title]')) {
        if (el.closest(skip)) continue;
        for (const text of [el.getAttribute('aria-label'), el.getAttribute('title'),
          el.matches('button, label, h4, h5, h6, summary, legend') ? el.textContent : null]) {
          if (text && text.trim()) words.push(text.trim());
        }
      }
    }
    return words;
  });
}

// Text in English: a run of three Latin words (file names, code and numbers are not), outside
// quotes (a control may quote a line the program printed, which stays as CPython printed it).
const ENGLISH = /\b[A-Za-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/;
const inEnglish = (text) => ENGLISH.test(text.replace(/“[^”]*”|"[^"]*"|‘[^’]*’/g, ''));

test('every chapter of the Chinese edition is in Chinese, mounts its widgets in Chinese, with no error', async () => {
  const paths = await chapterPaths(browser, ZH);
  assert.ok(paths.length >= 12, `the Chinese sidebar lists the chapters (found ${paths.join(', ')})`);
  let widgets = 0;
  for (const path of paths) {
    const { page, problems, close } = await openPage(browser, path);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN', path);
    const states = await waitForWidgets(page);
    widgets += states.length;
    assert.deepEqual(states.filter((s) => s !== 'true'), [], `${path}: every widget mounts`);
    const main = await page.locator('main').innerText();
    assert.ok(!main.includes('{{#'), `${path}: no widget directive is left as text`);
    const han = (main.match(/[\u4e00-\u9fff]/g) || []).length;
    assert.ok(han >= 100, `${path}: the text is in Chinese (${han} Chinese characters)`);
    const english = (await interfaceWords(page)).filter(inEnglish);
    assert.deepEqual(english, [], `${path}: the widgets' interface is in Chinese`);
    assert.deepEqual(problems, [], `${path}: no console error, no outside request`);
    await close();
  }
  assert.ok(widgets >= 40, `the Chinese edition has its widgets (${widgets})`);
});

test('the runnable example speaks Chinese: its buttons, and its Run works', async () => {
  const { page, problems, close } = await openPage(browser, `${ZH}tasks.html`);
  const example = await exampleOf(page, 'forgot_create_task.py');
  assert.equal((await example.locator('[data-testid="run"]').textContent()).trim(), '运行');
  assert.equal((await example.locator('[data-testid="step-through"]').textContent()).trim(), '单步执行');
  const before = Number(await example.getAttribute('data-run-count'));
  await click(page, example.locator('[data-testid="run"]'));
  await page.waitForFunction(([el, prev]) => Number(el.dataset.runCount) > prev && el.dataset.runState !== 'running',
    [await example.elementHandle(), before], { timeout: 15000 });
  const output = await example.locator('[data-testid="output"]').innerText();
  assert.match(output, /both tasks created/, 'the program prints what CPython prints, in English');
  assert.deepEqual(problems, []);
  await close();
});

test('the language picker leads to the same heading in the other edition, both ways, and edits follow', async () => {
  const anchor = '#gather-wait-for-a-group-collect-the-results';
  const { page, problems, close } = await openPage(browser, `tasks.html${anchor}`);
  await waitForWidgets(page);
  // An edit in English…
  const english = await exampleOf(page, 'hello_coroutine.py');
  await pasteCode(page, english.locator('textarea'), 'print("edited in English")\n');
  await page.waitForFunction((el) => el.closest('.aio-example').querySelector('.aio-example__badge'),
    await english.locator('textarea').elementHandle());

  const toChinese = page.locator('[data-testid="language-picker"]');
  assert.equal(await toChinese.getAttribute('hreflang'), 'zh-CN');
  await Promise.all([page.waitForURL(/zh-CN\/tasks\.html#/), click(page, toChinese)]);
  assert.equal(new URL(page.url()).pathname, new URL(`${ZH}tasks.html`, BOOK_URL).pathname);
  assert.equal(new URL(page.url()).hash, anchor, 'the same heading');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await page.locator(anchor).count(), 1, 'the heading exists in Chinese');
  // …is there in Chinese.
  const chinese = await exampleOf(page, 'hello_coroutine.py');
  assert.equal(await chinese.locator('textarea').inputValue(), 'print("edited in English")\n');

  const toEnglish = page.locator('[data-testid="language-picker"]');
  assert.equal(await toEnglish.getAttribute('hreflang'), 'en');
  assert.equal((await toEnglish.textContent()).trim(), 'English');
  await Promise.all([page.waitForURL((url) => !url.pathname.includes('/zh-CN/')), click(page, toEnglish)]);
  assert.equal(new URL(page.url()).pathname, new URL('tasks.html', BOOK_URL).pathname);
  assert.equal(new URL(page.url()).hash, anchor);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual(problems, []);
  await close();
});

// Types a query into mdBook's search bar (open, with the focus) and returns the results' links.
// mdBook searches on `keyup`; Chinese comes from an input method, whose last key (the one that
// commits the characters) is released after the text is in: End plays that part.
async function search(page, query) {
  await page.keyboard.press('ControlOrMeta+KeyA');
  await page.keyboard.type(query);
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.querySelectorAll('#mdbook-searchresults li a').length > 0,
    null, { timeout: 10000 }).catch(() => {});
  return page.$$eval('#mdbook-searchresults li a', (links) => links.map((a) => a.href));
}

test('search in the Chinese edition finds Chinese words', async () => {
  const { page, problems, close } = await openPage(browser, `${ZH}index.html`);
  // The search button opens the bar with the focus in it, as a reader sees.
  await click(page, page.locator('#mdbook-search-toggle'));
  await page.locator('#mdbook-searchbar').waitFor({ state: 'visible' });
  assert.ok(await hasFocus(page.locator('#mdbook-searchbar')), 'the search bar has the focus');
  const coroutine = await search(page, '协程');
  assert.ok(coroutine.length >= 3, `协程 finds sections (${coroutine.length})`);
  assert.ok(coroutine.every((href) => href.includes('/zh-CN/')), 'in the Chinese edition');
  assert.ok(coroutine.some((href) => href.includes('coroutines.html')), 'the chapter on coroutines among them');
  const loop = await search(page, '事件循环');
  assert.ok(loop.some((href) => href.includes('event-loop.html')), `事件循环 finds the event loop chapter (${loop.join(', ')})`);
  const gather = await search(page, 'gather');
  assert.ok(gather.some((href) => href.includes('tasks.html')), 'a Latin word still finds its sections');
  assert.deepEqual(problems, []);
  await close();
});

// Without JavaScript a reader sees the static fallbacks: their table headings are drawn from
// `data-aio-text` and must be Chinese too (the preprocessor knows the book's language).
test('the static fallbacks of the Chinese edition are in Chinese', async () => {
  let headings = 0;
  for (const path of await chapterPaths(browser, ZH)) {
    const html = await (await fetch(new URL(path, BOOK_URL))).text();
    for (const [, head] of html.matchAll(/<thead>([\s\S]*?)<\/thead>/g)) {
      for (const [, text] of head.matchAll(/data-aio-text="([^"]*)"/g)) {
        headings += 1;
        assert.match(text, /[\u4e00-\u9fff]/, `${path}: the fallback heading "${text}" is in Chinese`);
      }
    }
  }
  assert.ok(headings >= 50, `the fallbacks have their tables (${headings} headings)`);
});
