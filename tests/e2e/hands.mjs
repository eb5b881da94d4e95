// A reader's hands: how the end-to-end tests reach a control. A person scrolls with the wheel until
// the control is on screen, points at it and clicks, taps it with a finger, drags it, types, or
// pastes. So do these helpers: `page.mouse`, `page.touchscreen` and `page.keyboard` only, at a
// point on the control that is visible and not covered by anything else. Every helper first
// checks that the element under that point is the control itself (or inside it), so a layer
// painted over a control fails the test, as it fails a reader.
//
// Never `fill()`, `focus()`, `blur()`, `dispatchEvent()` or `evaluate()` to reach a control;
// `evaluate()` is fine for reading what the page shows. `hands.test.mjs` checks the other test
// files for them.

import assert from 'node:assert/strict';

// mdBook's menu bar stays on top of the page while the reader scrolls up, and scrolls away when
// the reader scrolls down. A control below it is only reachable below this line.
const MENU_BAR_BOTTOM = 70;

// Waits until the page has stopped scrolling (wheel scrolling is asynchronous, and smooth in
// Firefox): the same scroll position two frames in a row. A page still scrolling after 40 looks
// fails, rather than letting the caller aim at a control that is still moving.
async function settle(page) {
  let last = null;
  for (let i = 0; i < 40; i++) {
    const now = await page.evaluate(() => new Promise((resolve) =>
      requestAnimationFrame(() => resolve(`${window.scrollX},${window.scrollY}`))));
    if (now === last) return;
    last = now;
    await page.waitForTimeout(30);
  }
  throw new Error(`the page never stopped scrolling after a turn of the wheel (last at ${last})`);
}

// Where the wheel turns the page itself: a point (the right margin first, as a reader's hand rests
// beside the text) over nothing that scrolls on its own, as an output panel, a code listing or
// mdBook's sidebar do, which would take the wheel for themselves.
async function wheelPoint(page) {
  const { width, height } = page.viewportSize();
  const candidates = [[width - 40, height / 2], [width - 12, height / 2], [width / 2, height / 2],
    [width - 40, height - 30], [width / 2, height - 30], [width / 2, MENU_BAR_BOTTOM + 10]];
  const free = await page.evaluate((points) => points.find(([x, y]) => {
    for (let el = document.elementFromPoint(x, y); el && el !== document.body && el !== document.documentElement; el = el.parentElement) {
      const style = getComputedStyle(el);
      const scrolls = /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight;
      if (scrolls || el.id === 'mdbook-sidebar') return false;
    }
    return true;
  }), candidates);
  assert.ok(free, 'some point of the page is over nothing that scrolls on its own');
  return { x: free[0], y: free[1] };
}

// Scrolls with the mouse wheel until `locator`'s box is inside the viewport, below mdBook's menu
// bar (or, for a control in the menu bar itself, until the menu bar is back on screen: it comes
// back when the reader scrolls up). Returns the box.
export async function scrollTo(page, locator) {
  await locator.waitFor({ state: 'visible' });
  const viewport = page.viewportSize();
  const inMenuBar = await locator.evaluate((el) => !!el.closest('#mdbook-menu-bar'));
  const top = inMenuBar ? 0 : MENU_BAR_BOTTOM;
  let previous = null;
  for (let tries = 0; tries < 40; tries++) {
    const box = await locator.boundingBox();
    assert.ok(box, 'the control is on the page');
    // A control taller than the viewport is reached by its top part.
    const needed = Math.min(box.height, viewport.height - top - 20);
    if (box.y >= top && box.y + needed <= viewport.height - 10) return box;
    const position = await page.evaluate(() => window.scrollY);
    if (position === previous) {
      throw new Error(`the wheel no longer scrolls the page, and the control is at y=${box.y.toFixed(0)}`);
    }
    previous = position;
    // Scrolling up a little brings the menu bar back; otherwise, aim for the control's top just
    // below the menu bar, with some room if the control fits.
    const delta = inMenuBar
      ? -Math.max(150, -box.y + 50)
      : box.y - top - Math.max(5, Math.min(40, (viewport.height - 10 - needed - top) / 2));
    const at = await wheelPoint(page);
    await page.mouse.move(at.x, at.y);
    // Whole pixels: WebDriver BiDi (Firefox) refuses a fractional wheel delta.
    await page.mouse.wheel(0, Math.round(delta));
    await settle(page);
  }
  throw new Error('could not scroll the control into view');
}

// The point `{x, y}` at `offset` (default: the middle) of the control's visible box, after
// checking that the element there is the control or inside it.
export async function pointAt(page, locator, offset) {
  const box = await scrollTo(page, locator);
  const x = box.x + (offset ? offset.x : box.width / 2);
  const y = box.y + (offset ? offset.y : Math.min(box.height / 2, 40));
  const under = await locator.evaluate((element, [px, py]) => {
    const hit = document.elementFromPoint(px, py);
    const describe = (el) => {
      if (!el) return 'nothing';
      const id = el.id ? `#${el.id}` : '';
      const testid = el.dataset?.testid ? `[data-testid=${el.dataset.testid}]` : '';
      return `${el.tagName.toLowerCase()}${id}${[...el.classList].map((c) => `.${c}`).join('')}${testid}`;
    };
    return { ok: !!hit && (hit === element || element.contains(hit)), hit: describe(hit), want: describe(element) };
  }, [x, y]);
  assert.ok(under.ok, `the element under the pointer is ${under.hit}, not the control ${under.want}`);
  return { x, y };
}

// A mouse click on the control (at `offset` within it, default its middle).
export async function click(page, locator, offset) {
  const { x, y } = await pointAt(page, locator, offset);
  await page.mouse.click(x, y);
}

function isFirefox(page) {
  return page.context().browser()?.browserType().name() === 'firefox';
}

// Whether `tap` and `touchDragBy` can reach the page: not in Firefox, where playwright-core
// 1.64.1's WebDriver BiDi touchscreen does nothing at all (its `tap` is an empty function, and a
// `hasTouch` context reports no touch points), so a tap there would pass without touching anything.
export function canTouch(page) {
  return !isFirefox(page);
}

// A finger's tap on the control (the page's context needs `hasTouch`).
export async function tap(page, locator, offset) {
  assert.ok(canTouch(page), 'no touchscreen in Firefox over WebDriver BiDi: skip the test there (see canTouch)');
  const { x, y } = await pointAt(page, locator, offset);
  await page.touchscreen.tap(x, y);
}

// Drags the control sideways by `dx` pixels with a finger, in small moves (Chromium only: touch
// events go through the DevTools protocol, which is how Playwright's own tap reaches Chromium).
export async function touchDragBy(page, locator, dx, steps = 8) {
  assert.ok(canTouch(page), 'no touchscreen in Firefox over WebDriver BiDi: skip the test there (see canTouch)');
  const { x, y } = await pointAt(page, locator);
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, px) => cdp.send('Input.dispatchTouchEvent',
    { type, touchPoints: type === 'touchEnd' ? [] : [{ x: px, y }] });
  await touch('touchStart', x);
  for (let i = 1; i <= steps; i++) await touch('touchMove', x + (dx * i) / steps);
  await touch('touchEnd', x + dx);
  await cdp.detach();
}

// Clicks into a text field and types `text` key by key (an empty `text` clears the field). With
// `paste`, the text goes in as a paste does, in one input event: no prefix of it (the `6` of `61`)
// reaches the page on its own.
export async function typeInto(page, locator, text, { replace = true, paste = false } = {}) {
  await click(page, locator);
  if (replace) {
    await selectAll(page);
    if (text === '') await page.keyboard.press('Backspace');
  }
  if (paste) await page.keyboard.insertText(text);
  else await page.keyboard.type(text);
}

// Selects everything in the focused field, as Ctrl+A (⌘A on a Mac) does.
export async function selectAll(page) {
  await page.keyboard.press('ControlOrMeta+KeyA');
}

// Clicks into a code editor, selects all and pastes `code` (the browser inserts the text as a
// paste does, in one input event).
export async function pasteCode(page, editor, code) {
  await click(page, editor, { x: 40, y: 12 });
  await selectAll(page);
  await page.keyboard.insertText(code);
}

// Drags the control sideways by `dx` pixels with the mouse, in small moves.
export async function dragBy(page, locator, dx) {
  const { x, y } = await pointAt(page, locator);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y, { steps: 8 });
  await page.mouse.up();
}

// Presses `key` (once or `times` times) with the keyboard, on whatever has focus.
export async function press(page, key, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

// Whether `locator` has the keyboard focus (reading the page).
export async function hasFocus(locator) {
  return locator.evaluate((el) => el === document.activeElement);
}

// Tabs until `locator` has focus (at most `limit` presses), as a keyboard user reaches it: forward
// with Tab, or back with Shift+Tab when the control comes before the one that has focus. A code
// editor keeps Tab for indentation; as its label says, Escape first lets the next Tab leave it.
export async function tabTo(page, locator, limit = 80) {
  const backward = await locator.evaluate((el) => {
    const focused = document.activeElement;
    return !!focused && focused !== document.body && focused !== el
      && !!(el.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  for (let i = 0; i < limit; i++) {
    if (await hasFocus(locator)) return;
    if (await page.evaluate(() => document.activeElement?.tagName === 'TEXTAREA')) {
      await page.keyboard.press('Escape');
    }
    await page.keyboard.press(backward ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${backward ? 'Shift+Tab' : 'Tab'} never reached the control in ${limit} presses`);
}

// Picks the <option> whose value is `value` in a <select>, as a person does with the keyboard: a
// click opens the list, typing the first letters of the option's text moves to it, Enter picks it.
// (Not the arrow keys: in headless Firefox the open list is drawn by the browser outside the page,
// and the arrow keys WebDriver BiDi sends never reach it; typed letters do, in both browsers.)
export async function chooseOption(page, select, value) {
  const prefix = await select.evaluate((el, wanted) => {
    const texts = [...el.options].map((o) => o.textContent.trim());
    const at = [...el.options].findIndex((o) => o.value === wanted);
    if (at < 0) return null;
    for (let n = 1; n <= texts[at].length; n++) {
      const start = texts[at].slice(0, n);
      if (texts.every((t, i) => i === at || !t.startsWith(start))) return start;
    }
    return texts[at];
  }, value);
  assert.ok(prefix, `the list has an option ${value}`);
  await click(page, select);
  await page.keyboard.type(prefix);
  await page.keyboard.press('Enter');
  assert.equal(await select.inputValue(), value, `the list shows option ${value}`);
}

// Moves a slider (<input type="range">) to `value`: a click on it gives it focus (and moves it to
// where it was clicked), then one arrow key per step from there.
export async function slideTo(page, range, value) {
  const step = await range.evaluate((el) => Number(el.step || 1));
  await click(page, range);
  const at = Number(await range.inputValue());
  await press(page, value > at ? 'ArrowRight' : 'ArrowLeft', Math.round(Math.abs(value - at) / step));
  assert.equal(Number(await range.inputValue()), value, `the slider is at ${value}`);
}
