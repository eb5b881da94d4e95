// Layout, as a reader sees it: on every chapter, on a desktop (1280 px, light theme) and on a
// phone (390 px, coal theme), first as the page opens, then with what a reader can unfold opened
// with the mouse (every <details> of the widgets, every fold of the timing helpers) and with the
// event-loop stepper half-way through its run and at its end:
//
//   (a) the page never scrolls sideways: not the document, not mdBook's content column around a
//       widget (it scrolls on its own), and no widget is wider than the column;
//   (b) nothing inside a widget is cut off: an element that clips its overflow (overflow hidden or
//       clip) holds all of its content, an <svg> (which clips, by default) holds all of its text,
//       and an element that scrolls (overflow auto or scroll, either way) can be reached with Tab,
//       so that a keyboard reader can scroll it;
//   (c) the text inside widgets (HTML, ::before, SVG) is drawn at least 9 px high;
//   (d) the code editor's layers line up: the textarea (which carries the caret and the selection)
//       has the same box as the highlighted <pre> under it and the layer of numbers over it; the
//       three hold as many lines; each number that can be dragged sits on the very characters it
//       stands for; the fold button of the timing helpers is one line high, on a line of its own.
//
// What is clipped on purpose (see www/aio-widgets.css) is left out of (b):
//   - the editor's layers (`.aio-editor > *`: highlighted <pre>, textarea, layer of numbers) are
//     each as wide as the longest line and clip nothing a reader needs: the editor around them
//     (`.aio-editor`, overflow-x auto) scrolls them together, and the keyboard reaches it through
//     its textarea, whose caret moves scroll it (so the editor needs no tab stop of its own);
//   - `.aio-visually-hidden` text, clipped to 1 px for screen readers only (and anything else
//     clipped that way);
//   - inline boxes, to which overflow does not apply.
// The page is only read with evaluate(); what is unfolded is unfolded with hands.mjs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import {
  launch, openPage, waitForWidgets, chapterPaths, assertEventually, PHONE,
} from './browser.mjs';
import { click, press, hasFocus } from './hands.mjs';

const MIN_TEXT_PX = 9;

const LAYOUTS = [
  { name: 'desktop, 1280 px, light', theme: 'light', context: { viewport: { width: 1280, height: 900 } } },
  // In Firefox, the phone is a 390 px wide window (see PHONE).
  { name: 'phone, 390 px, coal', theme: 'coal', context: PHONE },
];

let browser;
let paths;
before(async () => {
  browser = await launch();
  // Both editions: Chinese labels and text have other widths than English ones.
  paths = [...await chapterPaths(browser), ...await chapterPaths(browser, 'zh-CN/')];
});
after(async () => { await browser?.close(); });

// Reads the page and returns what is wrong with its layout, one sentence per problem.
function findLayoutProblems(minTextPx) {
  const problems = [];
  const name = (el) => {
    const widget = el.closest('.aio-widget');
    let which = widget.dataset.aioWidget;
    try {
      const props = JSON.parse(widget.dataset.aioProps);
      which += ` ${props.id || (props.tasks ? props.tasks.map((t) => t.name).join('+') : '')}`.trimEnd();
    } catch { /* the kind alone */ }
    const classes = [...el.classList].slice(0, 2).map((c) => `.${c}`).join('');
    const testid = el.dataset?.testid ? `[data-testid=${el.dataset.testid}]` : '';
    return `${which}: ${el.tagName.toLowerCase()}${classes}${testid}`;
  };
  const quote = (text) => JSON.stringify(text.replace(/\s+/g, ' ').trim().slice(0, 40));
  // Clipped to (next to) nothing on purpose, for screen readers only.
  const visuallyHidden = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      if (e.classList.contains('aio-visually-hidden')) return true;
      const style = getComputedStyle(e);
      if (style.clip && style.clip !== 'auto') return true;
      if (/hidden|clip/.test(style.overflow) && (e.clientWidth <= 1 || e.clientHeight <= 1)) return true;
    }
    return false;
  };
  // Drawn at all: not display:none, not visibility:hidden, not inside a closed <details>.
  const rendered = (el) => el.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true })
    && el.getClientRects().length > 0 && !visuallyHidden(el);

  // (a) The page never scrolls sideways: neither the document nor, around a widget, any box of
  // mdBook's page (its content column scrolls on its own), and no widget is wider than the column.
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) {
    problems.push(`(a) the page scrolls sideways: ${root.scrollWidth} px of content in ${root.clientWidth} px`);
  }
  const around = new Set();
  for (const widget of document.querySelectorAll('.aio-widget')) {
    if (widget.scrollWidth > widget.clientWidth + 1) {
      problems.push(`(a) ${name(widget)} sticks out of the page's column: ${widget.scrollWidth} px wide in ${widget.clientWidth} px`);
    }
    for (let el = widget.parentElement; el && el !== root; el = el.parentElement) {
      if (!around.has(el) && el.scrollWidth > el.clientWidth + 1) {
        const id = el.id ? `#${el.id}` : [...el.classList].map((c) => `.${c}`).join('');
        problems.push(`(a) the page scrolls sideways: ${el.tagName.toLowerCase()}${id} holds ${el.scrollWidth} px in ${el.clientWidth} px`);
      }
      around.add(el);
    }
  }

  // (c) is told once for each kind of element: how many texts, and the first of them.
  const small = new Map();
  const tooSmall = (what, text) => {
    const seen = small.get(what) || { count: 0, first: text };
    small.set(what, { count: seen.count + 1, first: seen.first });
  };

  for (const widget of document.querySelectorAll('.aio-widget')) {
    // (b) Boxes that clip or scroll. Overflow does not apply to inline boxes, nor to SVG inside
    // an <svg> (the <svg> itself is checked below, by its text).
    for (const el of widget.querySelectorAll('*')) {
      if (el instanceof SVGElement || !rendered(el)) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.display === 'contents') continue;
      const layer = el.parentElement.classList.contains('aio-editor');
      // Vertically, Firefox counts the whole height of the font (its ascent and descent, with room
      // for accents) as content: a line set tighter than that (line-height 1.2) overflows its box
      // by a few pixels without a glyph being cut.
      const slack = Math.max(1, 0.25 * parseFloat(style.fontSize));
      for (const [axis, overflow, scroll, client, tolerance] of [
        ['sideways', style.overflowX, el.scrollWidth, el.clientWidth, 1],
        ['vertically', style.overflowY, el.scrollHeight, el.clientHeight, slack],
      ]) {
        if (scroll <= client + tolerance) continue;
        if (/hidden|clip/.test(overflow) && !layer) {
          problems.push(`(b) cut off ${axis}: ${name(el)} shows ${client} of ${scroll} px of ${quote(el.textContent)}`);
        }
        // The editor scrolls with the caret of its textarea; anything else needs a tab stop.
        const keyboard = el.tabIndex >= 0 || (el.classList.contains('aio-editor') && el.querySelector(':scope > textarea'));
        if (/auto|scroll/.test(overflow) && !keyboard) {
          problems.push(`(b) scrolls ${axis} (${client} of ${scroll} px) but Tab never reaches it: ${name(el)} ${quote(el.textContent)}`);
        }
      }
    }

    // (b) and (c) for SVG text. The browsers disagree about the box of a <text> (Chromium gives
    // its em box, Firefox its line box), so its height on screen is measured as its font size
    // times the scale the SVG is drawn at; where it is drawn comes from its glyphs' positions.
    for (const text of widget.querySelectorAll('svg text')) {
      const content = text.textContent.trim();
      if (!content || !rendered(text) || text.getNumberOfChars() === 0) continue;
      const svg = text.ownerSVGElement;
      const ctm = text.getScreenCTM();
      const scale = Math.hypot(ctm.c, ctm.d);
      const px = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (px < minTextPx) tooSmall(`SVG text ${px.toFixed(1)} px high: ${name(text)}`, content);
      if (getComputedStyle(svg).overflow === 'visible') continue;
      const toScreen = (point) => point.matrixTransform(ctm);
      const n = text.getNumberOfChars();
      const start = toScreen(text.getStartPositionOfChar(0));
      const end = toScreen(text.getEndPositionOfChar(n - 1));
      const box = svg.getBoundingClientRect();
      // The ink of a line of text: from about 0.7 em above its baseline (capitals and digits)
      // to 0.2 em below it for letters with descenders.
      const top = Math.min(start.y, end.y) - 0.7 * px;
      const bottom = Math.max(start.y, end.y) + (/[gjpqy,;()[\]{}|]/.test(content) ? 0.2 * px : 0);
      const left = Math.min(start.x, end.x);
      const right = Math.max(start.x, end.x);
      if (left < box.left - 1 || right > box.right + 1 || top < box.top - 1 || bottom > box.bottom + 1) {
        problems.push(`(b) SVG text cut off by its <svg>: ${name(svg)} ${quote(content)} drawn at`
          + ` x ${left.toFixed(0)}–${right.toFixed(0)}, y ${top.toFixed(0)}–${bottom.toFixed(0)}`
          + ` in x ${box.left.toFixed(0)}–${box.right.toFixed(0)}, y ${box.top.toFixed(0)}–${box.bottom.toFixed(0)}`);
      }
    }

    // (c) Ordinary text, and the text of ::before (the output's timestamps), where it is drawn.
    const walker = document.createTreeWalker(widget, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent.trim() || el.closest('svg, textarea') || !rendered(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < minTextPx) tooSmall(`text ${px.toFixed(1)} px high: ${name(el)}`, node.textContent);
    }
    for (const el of widget.querySelectorAll('*')) {
      const before = getComputedStyle(el, '::before');
      if (el instanceof SVGElement || before.content === 'none' || before.content === 'normal' || !rendered(el)) continue;
      const text = before.content.startsWith('attr(') ? el.getAttribute(before.content.slice(5, -1)) : before.content.replace(/^"|"$/g, '');
      const px = parseFloat(before.fontSize);
      if (text && text.trim() && px < minTextPx) tooSmall(`text ${px.toFixed(1)} px high: ${name(el)}::before`, text);
    }

    // (d) The editor's layers.
    for (const editor of widget.querySelectorAll('.aio-editor')) {
      if (!rendered(editor)) continue;
      const textarea = editor.querySelector(':scope > textarea');
      const highlight = editor.querySelector(':scope > pre');
      const scrubs = editor.querySelector(':scope > .aio-editor__scrubs');
      const a = textarea.getBoundingClientRect();
      for (const layer of [highlight, scrubs]) {
        const b = layer.getBoundingClientRect();
        const off = ['left', 'top', 'width', 'height'].filter((k) => Math.abs(a[k] - b[k]) > 1);
        if (off.length) {
          problems.push(`(d) the textarea and ${name(layer)} have different boxes: `
            + off.map((k) => `${k} ${a[k].toFixed(1)} vs ${b[k].toFixed(1)}`).join(', ') + ` in ${name(editor)}`);
        }
      }
      // As many lines of code in the highlighted layer as in the textarea, and no more in the
      // layer of numbers (where the fold button sits).
      const lineHeight = parseFloat(getComputedStyle(highlight).lineHeight);
      const lines = (el) => Math.round((el.scrollHeight - parseFloat(getComputedStyle(el).paddingTop)
        - parseFloat(getComputedStyle(el).paddingBottom)) / lineHeight);
      const rows = textarea.value.split('\n').length;
      if (lines(highlight) !== rows || lines(scrubs) !== rows) {
        problems.push(`(d) ${name(editor)}: the textarea holds ${rows} lines, the highlighted code ${lines(highlight)}`
          + ` and the layer of numbers ${lines(scrubs)}`);
      }
      // Each number that can be dragged covers the same characters of the highlighted code.
      const top0 = highlight.getBoundingClientRect().top + parseFloat(getComputedStyle(highlight).paddingTop);
      const texts = [];
      const hw = document.createTreeWalker(highlight, NodeFilter.SHOW_TEXT);
      for (let node = hw.nextNode(); node; node = hw.nextNode()) texts.push(node);
      for (const scrub of scrubs.querySelectorAll('.aio-scrub')) {
        const s = scrub.getBoundingClientRect();
        const aligned = texts.some((node) => {
          for (let at = node.textContent.indexOf(scrub.textContent); at >= 0; at = node.textContent.indexOf(scrub.textContent, at + 1)) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + scrub.textContent.length);
            const r = range.getBoundingClientRect();
            if (Math.abs(r.left - s.left) <= 1 && Math.abs(r.top - s.top) <= 1) return true;
          }
          return false;
        });
        if (!aligned) {
          problems.push(`(d) ${name(scrub)} ${quote(scrub.textContent)} (line ${Math.round((s.top - top0) / lineHeight) + 1})`
            + ` is not over the same number in the highlighted code of ${name(editor)}`);
        }
      }
      // The fold button: one line high, on a line of its own.
      for (const fold of scrubs.querySelectorAll('.aio-fold')) {
        const f = fold.getBoundingClientRect();
        const line = (f.top - top0) / lineHeight;
        if (f.height > lineHeight + 0.5 || Math.abs(line - Math.round(line)) * lineHeight > 1) {
          problems.push(`(d) ${name(fold)} ${quote(fold.textContent)} is ${f.height.toFixed(1)} px high at line`
            + ` ${(line + 1).toFixed(2)} (lines are ${lineHeight} px) in ${name(editor)}`);
        }
      }
    }
  }
  for (const [what, { count, first }] of small) {
    problems.push(`(c) ${what}: ${count === 1 ? quote(first) : `${count} texts, the first ${quote(first)}`}`);
  }
  return problems;
}

// Opens what a reader can unfold in the widgets: every closed <details> (a timeline as a table,
// the programs of the comparison lab) and every fold of the timing helpers, with the mouse.
async function unfoldEverything(page) {
  const details = page.locator('.aio-widget details:not([open]) > summary');
  for (let left = await details.count(); left > 0; left--) {
    await click(page, details.first(), { x: 12, y: 8 });
  }
  const folds = page.locator('.aio-widget [data-testid="fold"][aria-expanded="false"]');
  for (let left = await folds.count(); left > 0; left--) {
    // At its start: on a phone, the end of the button is scrolled out of the editor's view.
    await click(page, folds.first(), { x: 12, y: 8 });
  }
  assert.equal(await details.count() + await folds.count(), 0, 'every <details> and every fold opened');
}

for (const layout of LAYOUTS) {
  test(`${layout.name}: nothing scrolls the page sideways, is cut off, is too small to read or out of line`, async () => {
    const found = [];
    for (const path of paths) {
      const { page, problems, close } = await openPage(browser, path, { theme: layout.theme, context: layout.context });
      const widgets = await waitForWidgets(page);
      if (widgets.length === 0) { await close(); continue; }
      const seen = new Set();
      const read = async (when) => {
        for (const problem of await page.evaluate(findLayoutProblems, MIN_TEXT_PX)) {
          if (!seen.has(problem)) found.push(`${path}${when}: ${problem}`);
          seen.add(problem);
        }
      };
      await read('');
      await unfoldEverything(page);
      await read(' (unfolded)');
      // The stepper half-way through its run (tasks waiting on one another) and at its end.
      const stepper = page.locator('.aio-widget [data-testid="stepper"]');
      if (await stepper.count()) {
        const first = stepper.first();
        const steps = Number(await first.getAttribute('data-steps'));
        // The stepper moves a little after the key: each reading waits for the step it is of.
        const atStep = (n) => assertEventually(async () => (await first.getAttribute('data-step')) === String(n),
          `${path}: the stepper reaches data-step ${n} (of ${steps} steps)`);
        await click(page, first.locator('.aio-stepper__title'));
        assert.ok(await hasFocus(first), 'a click on its title gives the stepper the focus');
        const from = Number(await first.getAttribute('data-step'));
        await press(page, 'ArrowRight', 6);
        await atStep(Math.min(from + 6, steps - 1));
        await read(' (stepper at step 7)');
        await press(page, 'End');
        await atStep(steps - 1);
        await read(' (stepper at its last step)');
      }
      assert.deepEqual(problems, [], `${path}: no console error, page error or failed request`);
      await close();
    }
    assert.deepEqual(found, [], `the layout of the widgets (${layout.name})`);
  });
}
