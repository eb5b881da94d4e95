// Tidy check: the end-to-end tests reach every control with a reader's hands (`hands.mjs`:
// page.mouse, page.touchscreen and page.keyboard, on a visible, unobscured element), never with
// Playwright's shortcuts that skip what a reader goes through (`locator.click()`, `fill()`,
// `focus()`, `blur()`, a synthetic `dispatchEvent()`, a script that sets a field's `.value` …).
// This reads the other test files, the shared set-up (`browser.mjs`) and the bench's browser script
// (`../bench/lab.mjs`, which edits code as a reader does to time the prediction) and names every
// line that uses one of them. No browser is needed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

// What reaches a control without a reader's hands, and what to use instead. JavaScript's
// look-behinds may be as long as they like: `page.mouse.click(`, `page.keyboard.press(` … pass,
// and so do the helpers themselves (`click(page, …)`, `press(page, …)`, `tap(page, …)`), which are
// not methods. `.type(` only counts with an argument: `message.type()` is a console message's type.
// `.clear(` is allowed on storage (`localStorage.clear()` sets up a test, it reaches no control);
// a Set or a Map is better made anew than cleared, which this would take for a locator's.
const FORBIDDEN = [
  [/\.\s*fill\s*\(/g, '.fill(', 'typeInto(page, …) or pasteCode(page, …)'],
  [/\.\s*focus\s*\(/g, '.focus(', 'click(page, …) or tabTo(page, …)'],
  [/\bdispatchEvent\s*\(/g, 'dispatchEvent(', 'the mouse, the touchscreen or the keyboard'],
  [/(?<!\bmouse\s*)\.\s*click\s*\(/g, '.click( on a locator', 'click(page, …)'],
  [/(?<!\bmouse\s*)\.\s*dblclick\s*\(/g, '.dblclick( on a locator', 'page.mouse.dblclick( after pointAt(page, …)'],
  [/(?<!\bkeyboard\s*)\.\s*press\s*\(/g, '.press( on a locator', 'press(page, …) on the focused control'],
  [/(?<!\bkeyboard\s*)\.\s*type\s*\(\s*[^)\s]/g, '.type( on a locator', 'typeInto(page, …)'],
  [/\.\s*pressSequentially\s*\(/g, '.pressSequentially(', 'typeInto(page, …)'],
  [/(?<!\btouchscreen\s*)\.\s*tap\s*\(/g, '.tap( on a locator', 'tap(page, …)'],
  [/\.\s*(?:check|uncheck|setChecked)\s*\(/g, '.check( on a locator', 'click(page, …)'],
  [/\.\s*selectOption\s*\(/g, '.selectOption(', 'chooseOption(page, …)'],
  [/\.\s*(?:dragTo|hover|selectText)\s*\(/g, '.dragTo(/.hover(/.selectText(', 'dragBy(page, …) or pointAt(page, …)'],
  [/\bdragAndDrop\s*\(/g, 'dragAndDrop(', 'dragBy(page, …)'],
  [/(?<!Storage\s*)\.\s*clear\s*\(/g, '.clear( on a locator', "typeInto(page, …, '')"],
  [/\.\s*blur\s*\(/g, '.blur(', 'click(page, …) on text that is not a control, or Tab'],
  [/\bscrollIntoView(?:IfNeeded)?\s*\(/g, 'scrollIntoView(', 'scrollTo(page, …), with the mouse wheel'],
  [/\.\s*(?:value|checked|selectedIndex)\s*[-+]?=(?!=)/g, 'a script setting .value/.checked/.selectedIndex',
    'typeInto(page, …), click(page, …) or chooseOption(page, …)'],
];

// The source with its comments blanked out (same length, same lines), so that a comment may name
// what it warns against. A `//` only starts a comment at the start of a line or after a space or
// a semicolon (not inside 'http://…').
function withoutComments(source) {
  const blank = (text) => text.replace(/[^\n]/g, ' ');
  return source
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(/(^|[\s;])(\/\/[^\n]*)/gm, (_, before, comment) => before + blank(comment));
}

// Every use of a forbidden call in `source`, as `line: what (use instead)`.
function findShortcuts(source) {
  const code = withoutComments(source);
  const lines = source.split('\n');
  const found = [];
  for (const [pattern, what, instead] of FORBIDDEN) {
    for (const match of code.matchAll(pattern)) {
      const line = code.slice(0, match.index).split('\n').length;
      found.push({ line, text: `${line}: ${what} (use ${instead}): ${lines[line - 1].trim()}` });
    }
  }
  return found.sort((a, b) => a.line - b.line).map((f) => f.text);
}

test('the check finds every shortcut and nothing else', () => {
  const allowed = [
    "await click(page, lab.locator('[data-testid=\"run\"]'));",
    'await page.mouse.click(x, y);',
    'await session.page.mouse.click(x, y, { button: "left" });',
    'await page.mouse.dblclick(x, y);',
    "await press(page, 'ArrowRight', 5);",
    "await page.keyboard.press('Enter');",
    "await session.page.keyboard.type('0.1');",
    "await tap(page, scrub);",
    'await page.touchscreen.tap(x, y);',
    "await typeInto(page, input, 'abc');",
    "await chooseOption(page, select, '150');",
    "page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });",
    "if (message.type () === 'error') {}",
    "await focusStepper(page, stepper);",
    "// Never locator.click(), fill() or focus() here.",
    "/* not el.dispatchEvent(new Event('input')) either */",
    "const url = 'http://127.0.0.1/a'; // then .click( in a comment",
    'await page.keyboard\n  .press("Tab");',
    'localStorage.clear();',
    'clearTimeout(timer);',
    'await context.clearCookies();',
    "if (input.value === '3' || input.value == 4 || input.value !== '') {}",
    "assert.equal(await input.inputValue(), '0.3');",
    '// scrollIntoView() and el.value = 1 would skip the wheel and the keys',
  ];
  for (const source of allowed) assert.deepEqual(findShortcuts(source), [], source);
  const refused = [
    "await lab.locator('[data-testid=\"run\"]').click();",
    "await page.click('#run');",
    'await (await page.$("button")).click();',
    "await lab\n  .locator('x')\n  .click();",
    "await input.fill('0.3');",
    "await page.fill('input', '1');",
    'await stepper.focus();',
    "await el.evaluate((e) => e.focus());",
    "await el.evaluate((e) => e.click());",
    "await el.dispatchEvent('click');",
    "await page.evaluate(() => document.body.dispatchEvent(new KeyboardEvent('keydown')));",
    "await editor.press('End');",
    "await page.press('#a', 'Enter');",
    "await input.type('abc');",
    "await input.pressSequentially('abc');",
    'await box.check();',
    'await box.setChecked(true);',
    "await select.selectOption('150');",
    'await row.dblclick();',
    'await scrub.tap();',
    'await handle.hover();',
    'await a.dragTo(b);',
    "await page.dragAndDrop('#a', '#b');",
    'await input.clear();',
    'await page.evaluate(() => document.activeElement?.blur());',
    'await run.scrollIntoViewIfNeeded();',
    'await el.evaluate((e) => e.scrollIntoView());',
    "await input.evaluate((el) => { el.value = '0.3'; });",
    "await page.evaluate(() => { document.querySelector('input').value += '1'; });",
    'await box.evaluate((el) => { el.checked = true; });',
    'await select.evaluate((el) => { el.selectedIndex = 2; });',
  ];
  for (const source of refused) assert.equal(findShortcuts(source).length, 1, source);
});

test('the end-to-end tests reach every control with the mouse, the touchscreen or the keyboard', () => {
  const files = readdirSync(HERE)
    .filter((f) => (f.endsWith('.test.mjs') && f !== 'hands.test.mjs') || f === 'browser.mjs')
    .sort();
  assert.ok(files.length >= 10, `the test files are there: ${files.join(', ')}`);
  files.push(join('..', 'bench', 'lab.mjs'));
  const found = files.flatMap((file) =>
    findShortcuts(readFileSync(join(HERE, file), 'utf8')).map((hit) => `${file}:${hit}`));
  assert.deepEqual(found, [], 'use the helpers of hands.mjs instead');
});
