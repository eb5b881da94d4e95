// Shared set-up of the end-to-end tests: one headless browser, pages that record every console
// error, page error, CSP violation and request that leaves 127.0.0.1.
//
// `cargo xtask test` serves the built book under a sub-path and passes its address in
// AIO_BOOK_URL. It runs the suite twice: with AIO_BROWSER=chromium (Chromium's path in
// AIO_CHROMIUM, driven over CDP) and with AIO_BROWSER=firefox (Firefox ESR's path in AIO_FIREFOX,
// driven over WebDriver BiDi, which Playwright speaks to a stock Firefox).

import assert from 'node:assert/strict';

import { chromium, firefox } from 'playwright-core';

import { click, typeInto } from './hands.mjs';

export const BOOK_URL = process.env.AIO_BOOK_URL;
if (!BOOK_URL) {
  throw new Error('AIO_BOOK_URL is not set: run the end-to-end tests with `cargo xtask test`');
}

// Without these flags Debian's Chromium hangs on network look-ups in a closed sandbox.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// Which browser this run drives: 'chromium' (the default) or 'firefox'.
export const BROWSER = process.env.AIO_BROWSER || 'chromium';
if (BROWSER !== 'chromium' && BROWSER !== 'firefox') {
  throw new Error(`AIO_BROWSER=${BROWSER}: expected chromium or firefox`);
}
export const IS_FIREFOX = BROWSER === 'firefox';

// The browser context of a phone (for `openPage`'s `context`). Firefox has no mobile emulation
// (isMobile) nor, over WebDriver BiDi, touch (see `canTouch` in hands.mjs): there the phone is a
// 390 px wide window.
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: !IS_FIREFOX, hasTouch: !IS_FIREFOX };

export async function launch() {
  if (IS_FIREFOX) {
    // The 'moz-firefox' channel makes Playwright talk WebDriver BiDi to a stock Firefox (Debian's
    // firefox-esr) instead of its own patched build. Playwright gives it a fresh profile. No
    // network flags are needed: the profile Playwright writes turns off updates, telemetry and
    // the other background requests.
    return firefox.launch({
      channel: 'moz-firefox',
      executablePath: process.env.AIO_FIREFOX || '/usr/bin/firefox-esr',
      headless: true,
    });
  }
  return chromium.launch({
    executablePath: process.env.AIO_CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

// Opens `path` (relative to the book's root) and records what went wrong while it was open.
// `context` holds Playwright's options for the page's browser context (a phone's `viewport`,
// `isMobile`, `hasTouch` …).
export async function openPage(browser, path, { theme, context: contextOptions = {} } = {}) {
  const context = await browser.newContext(contextOptions);
  if (theme) {
    // Firefox also runs init scripts in a new page's first about:blank, whose storage is off limits.
    await context.addInitScript((t) => {
      if (location.protocol.startsWith('http')) localStorage.setItem('mdbook-theme', t);
    }, theme);
  }
  // A Content-Security-Policy violation is a problem even when the browser logs nothing for it.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} refused ${event.blockedURI || 'an inline source'}`
        + ` (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  // print.html opens the print dialog on load. Headless Firefox's dialog never closes, and while
  // it is open the page's timers and promises wait (so no widget would ever mount); the dialog is
  // not what the tests check, so it is not opened, in either browser.
  await context.addInitScript(() => { window.print = () => {}; });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    const local = url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1';
    if (!local) problems.push(`request left 127.0.0.1: ${request.url()}`);
  });
  page.on('requestfailed', (request) => {
    // Firefox cancels a font download when the text that needed it goes away first (a static
    // fallback replaced by its widget); the font was served, the browser just stopped wanting it.
    const dropped = request.resourceType() === 'font' && request.failure()?.errorText === 'NS_BINDING_ABORTED';
    if (!dropped) problems.push(`request failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(new URL(path, BOOK_URL).href, { waitUntil: 'load' });
  return { page, problems, close: () => context.close() };
}

// Waits until every placeholder on the page has been handled by the loader.
export async function waitForWidgets(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.aio-widget')].every((el) => el.dataset.aioMounted),
  null, { timeout: 15000 });
  return page.$$eval('.aio-widget', (els) => els.map((el) => el.dataset.aioMounted));
}

// Checks `check` (an async function) every 50 ms, 50 times at most, until it returns true; fails
// with `what` if it never does. For what the page changes a little after the reader acts.
export async function assertEventually(check, what) {
  for (let i = 0; i < 50; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(what);
}

// The runnable example (its `.aio-example`) of the program `file` (as named in the widget's
// props, e.g. 'milk_tea.py'), once the page's widgets have mounted.
export async function exampleOf(page, file) {
  await waitForWidgets(page);
  return page.locator(`.aio-widget[data-aio-props*="${file}"] .aio-example`);
}

// Runs an example (its `.aio-example`) for real with a click on Run, waits until that run has
// ended, and returns its output lines as { stream, text, ms } (ms: when it was measured).
export async function runAndRead(page, root) {
  const previous = Number(await root.getAttribute('data-run-count'));
  await click(page, root.locator('[data-testid="run"]'));
  await page.waitForFunction(
    ([el, prev]) => Number(el.dataset.runCount) > prev && el.dataset.runState !== 'running',
    [await root.elementHandle(), previous], { timeout: 15000 });
  return root.locator('[data-testid="output"] [data-stream]').evaluateAll((lines) =>
    lines.map((l) => ({ stream: l.dataset.stream, text: l.textContent, ms: Number(l.dataset.measuredMs) })));
}

// Every chapter the sidebar links to, as paths relative to the book's root; `edition` is the
// folder of a translation ('zh-CN/'), empty for the English edition at the root.
export async function chapterPaths(browser, edition = '') {
  const { page, close } = await openPage(browser, `${edition}index.html`);
  await page.waitForSelector('#mdbook-sidebar a[href]', { state: 'attached' });
  const hrefs = await page.$$eval('#mdbook-sidebar a[href]', (links) => links.map((a) => a.href));
  await close();
  const root = new URL(edition, BOOK_URL).href;
  const paths = hrefs
    .filter((href) => href.startsWith(root) && href.split('#')[0].endsWith('.html'))
    .map((href) => edition + href.slice(root.length).split('#')[0]);
  return [...new Set([`${edition}index.html`, ...paths])];
}

// The first timeline lab on the page, holding exactly one task per duration (seconds), with all
// three strategies shown; set up with the mouse and the keyboard, as a reader would.
export async function prepareLab(page, durations) {
  const lab = page.locator('.aio-lab').first();
  await lab.waitFor();
  const inputs = lab.locator('input[data-testid^="duration-"]');
  while ((await inputs.count()) < durations.length) {
    await click(page, lab.locator('[data-testid="add-task"]'));
  }
  while ((await inputs.count()) > durations.length) {
    await click(page, lab.locator(`[data-testid="remove-task-${(await inputs.count()) - 1}"]`));
  }
  for (const [i, seconds] of durations.entries()) {
    await typeInto(page, lab.locator(`input[data-testid="duration-${i}"]`), String(seconds));
  }
  await click(page, lab.locator('[data-testid="view-all"]'));
  return lab;
}

// Runs one strategy of a lab for real and returns the measured total and each task's measured
// start and end (ms), in task order.
export async function runStrategy(page, lab, key) {
  const panel = lab.locator(`[data-testid="panel-${key}"]`);
  const previous = Number(await panel.getAttribute('data-run-count') || 0);
  await click(page, panel.locator(`[data-testid="run-${key}"]`));
  // Each finished run bumps data-run-count; a run never ends without it.
  await page.waitForFunction(
    ([el, prev]) => Number(el.dataset.runCount || 0) > prev && el.dataset.running !== 'true',
    [await panel.elementHandle(), previous], { timeout: 10000 });
  const total = Number(await panel.getAttribute('data-measured-total-ms'));
  const rows = await panel.locator('table[data-testid^="table-"] tr[data-task]').evaluateAll((trs) =>
    trs.map((tr) => ({
      task: Number(tr.dataset.task),
      start: Number(tr.dataset.measuredStartMs),
      end: Number(tr.dataset.measuredEndMs),
    })));
  rows.sort((a, b) => a.task - b.task);
  return { total, rows };
}
