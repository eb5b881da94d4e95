// Nothing a reader does can break a page, and the site is safe to host anywhere: every page
// carries a Content-Security-Policy that the browser enforces, the reader's code and its output are
// only ever text, and local storage that is full or disabled costs persistence, not the page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, openPage, waitForWidgets, chapterPaths, runAndRead } from './browser.mjs';
import { click, pasteCode } from './hands.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The directives of a policy, as { name: [sources] }.
function directives(policy) {
  return Object.fromEntries(policy.split(';').map((d) => d.trim()).filter(Boolean)
    .map((d) => { const [name, ...sources] = d.split(/\s+/); return [name, sources]; }));
}

test('every page carries a Content-Security-Policy before any script, and loads without a violation', async () => {
  const paths = [...await chapterPaths(browser), ...await chapterPaths(browser, 'zh-CN/')];
  // (404.html is left out: its `<base href="/">` only works served from the root.)
  for (const path of [...paths, 'print.html', 'zh-CN/print.html']) {
    const { page, problems, close } = await openPage(browser, path);
    await waitForWidgets(page);
    const found = await page.evaluate(() => {
      const metas = [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')];
      const first = metas[0];
      const scriptsBefore = first ? [...document.querySelectorAll('script, link[rel="stylesheet"]')]
        .filter((el) => el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).length : -1;
      return { count: metas.length, policy: first?.content, inHead: first?.parentElement === document.head, scriptsBefore };
    });
    assert.equal(found.count, 1, `${path}: exactly one policy`);
    assert.ok(found.inHead, `${path}: the policy is in <head>`);
    assert.equal(found.scriptsBefore, 0, `${path}: no script or style sheet comes before the policy`);
    const policy = directives(found.policy);
    assert.deepEqual(policy['default-src'], ["'self'"], `${path}: default-src`);
    assert.deepEqual(policy['object-src'], ["'none'"], `${path}: object-src`);
    assert.deepEqual(policy['base-uri'], ["'self'"], `${path}: base-uri`);
    assert.deepEqual(policy['style-src'], ["'self'"], `${path}: style sheets from files only`);
    const scripts = policy['script-src'];
    assert.deepEqual(scripts.slice(0, 2), ["'self'", "'wasm-unsafe-eval'"], `${path}: script-src`);
    for (const source of scripts.slice(2)) {
      assert.match(source, /^'sha256-[A-Za-z0-9+/]{43}='$/, `${path}: every other script source is a hash`);
    }
    const inline = await page.$$eval('script:not([src])', (els) => els.length);
    assert.equal(scripts.length - 2, inline, `${path}: one hash per inline script`);
    for (const [name, sources] of Object.entries(policy)) {
      for (const source of sources) {
        assert.ok(!/^(https?:|\*|blob:|'unsafe-eval'|'strict-dynamic')/.test(source), `${path}: ${name} allows ${source}`);
        if (name !== 'img-src') assert.notEqual(source, 'data:', `${path}: ${name} allows data: URLs`);
        if (name !== 'style-src-attr') assert.notEqual(source, "'unsafe-inline'", `${path}: ${name} allows inline`);
      }
    }
    assert.deepEqual(problems, [], `${path}: no CSP violation, console error or outside request`);
    await close();
  }
});

test('the policy is enforced: a script the page did not ship does not run', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  await waitForWidgets(page);
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__aioInjected = true;';
    document.body.append(script);
    const image = document.createElement('img');
    image.src = 'https://example.com/pixel.png';
    document.body.append(image);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return window.__aioInjected === true;
  });
  assert.equal(ran, false, 'the injected inline script was refused');
  assert.ok(problems.some((p) => /CSP violation: script-src/.test(p)), `the refusal is reported: ${problems.join('\n')}`);
  assert.ok(problems.some((p) => /CSP violation: img-src.*example\.com/.test(p)), 'the outside image was refused');
  await close();
});

// Markup and script in a reader's code, its output, its error messages and a shared link.
const PAYLOADS = [
  '<img src=x onerror="window.__aioPwned=1">',
  '</script><script>window.__aioPwned=2</script>',
  '<svg onload="window.__aioPwned=3"></svg>',
  '"><b id="aio-injected">bold</b>',
];

async function nothingInjected(page, where) {
  const found = await page.evaluate(() => ({
    pwned: window.__aioPwned,
    elements: document.querySelectorAll('.aio-widget img, .aio-widget svg[onload], #aio-injected, .aio-widget script').length,
  }));
  assert.equal(found.pwned, undefined, `${where}: no injected script ran`);
  assert.equal(found.elements, 0, `${where}: no injected element exists`);
}

test('code, output and errors are text: markup the reader types is never interpreted', async () => {
  const { page, problems, close } = await openPage(browser, 'tasks.html');
  await waitForWidgets(page);
  const root = page.locator('.aio-widget[data-aio-widget="asyncio-example"]').first().locator('.aio-example');
  const editor = root.locator('textarea[data-testid="editor"]');
  const code = PAYLOADS.map((p) => `# ${p}\nprint(${JSON.stringify(p)})\n`).join('')
    + `import sys\nprint(${JSON.stringify(PAYLOADS[0])}, file=sys.stderr)\n`;
  await pasteCode(page, editor, code);
  const output = (await runAndRead(page, root)).map((line) => [line.stream, line.text]);
  assert.deepEqual(output, [...PAYLOADS.map((p) => ['stdout', p]), ['stderr', PAYLOADS[0]]], 'the output shows the text as typed');
  assert.equal(await editor.inputValue(), code, 'the editor holds the text as typed');
  assert.ok((await root.locator('.aio-editor__highlight').textContent()).includes(PAYLOADS[1]), 'the highlighted code shows it as text');
  await nothingInjected(page, 'code and output');

  // A syntax error quotes the offending line.
  await pasteCode(page, editor, `${PAYLOADS[0]}\n`);
  const error = root.locator('[data-testid="error"]');
  await error.waitFor({ timeout: 2000 });
  assert.ok((await error.textContent()).includes(PAYLOADS[0]), 'the error quotes the line as text');
  await nothingInjected(page, 'a syntax error');
  await click(page, root.locator('[data-testid="reset"]'));
  assert.deepEqual(problems, []);
  await close();
});

test('a shared link cannot inject markup', async () => {
  for (const payload of PAYLOADS) {
    const encoded = encodeURIComponent(payload);
    for (const suffix of [`#${encoded}`, `?code=${encoded}&source=${encoded}#${encoded}`]) {
      const { page, problems, close } = await openPage(browser, `tasks.html${suffix}`);
      assert.deepEqual(await waitForWidgets(page).then((s) => s.filter((x) => x !== 'true')), [], `${suffix}: widgets mount`);
      await nothingInjected(page, suffix);
      assert.deepEqual(problems, [], suffix);
      await close();
    }
  }
});

// Local storage as a browser with storage full (every write refused) or disabled (no storage at
// all) has it. Session storage stays: mdBook's own toc.js uses it without a guard.
function breakStorage(how) {
  const refuse = () => { throw new DOMException('storage refused by the test', how); };
  const full = Object.create(Storage.prototype, {
    getItem: { value: () => null },
    setItem: { value: refuse },
    removeItem: { value: () => {} },
    length: { value: 0 },
  });
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get: how === 'SecurityError' ? refuse : () => full,
  });
}

test('storage that is full or disabled costs persistence, with a notice, never an error', async () => {
  for (const how of ['QuotaExceededError', 'SecurityError']) {
    const context = await browser.newContext();
    await context.addInitScript(breakStorage, how);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    await page.goto(new URL('tasks.html', process.env.AIO_BOOK_URL).href);
    const states = await waitForWidgets(page);
    assert.deepEqual(states.filter((s) => s !== 'true'), [], `${how}: every widget mounts`);
    const root = page.locator('.aio-widget[data-aio-widget="asyncio-example"]').first().locator('.aio-example');
    const editor = root.locator('textarea[data-testid="editor"]');
    await pasteCode(page, editor, `${await editor.inputValue()}\nprint("not kept")\n`);
    const note = root.locator('[data-testid="storage-note"]');
    await note.waitFor({ timeout: 2000 });
    assert.match(await note.textContent(), /will not survive a reload/, `${how}: the reader is told`);
    // The widget still works.
    await click(page, root.locator('[data-testid="run"]'));
    await root.locator('[data-testid="output"] [data-stream]', { hasText: 'not kept' }).waitFor({ timeout: 15000 });
    await page.reload();
    await waitForWidgets(page);
    assert.doesNotMatch(await editor.inputValue(), /not kept/, `${how}: the edit is gone after a reload, as announced`);
    assert.deepEqual(problems, [], `${how}: no error`);
    await context.close();
  }
});
