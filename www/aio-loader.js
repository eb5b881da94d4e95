// Mounts the book's interactive widgets (aio-widgets, Rust compiled to WebAssembly).
//
// A classic script, because mdBook's `additional-js` renders `<script src>`. It finds the
// WebAssembly package next to itself (`pkg/` beside this file), so it works at any page depth and
// under any sub-path. Every placeholder keeps its static fallback until its widget has mounted;
// a placeholder whose widget cannot start gets an error note and keeps the fallback, and the
// others still mount. No request leaves the page's origin, no inline script, no eval.
//
// A panic in a widget traps the whole WebAssembly instance (the module aborts on panic), so the
// loader stops using that instance: the widget whose code panicked gets an error box with a
// Restart button, and every other widget is mounted again, from its untouched placeholder, in a
// fresh instance. Code widgets keep the reader's edits (local storage). The module names the
// widget whose code was running (a render, a real-time run resumed by a timer, a stepper tick...);
// when it cannot (a panic while handling an input event), the widget the reader last used is
// blamed, which is then the right one.
(function () {
  "use strict";

  var script = document.currentScript;
  var here = new URL(".", script && script.src ? script.src : document.baseURI);
  var glueUrl = new URL("pkg/aio_widgets.js", here).href;
  // The book's root (this script lives in `assets/`), for the links widgets write, such as
  // "What runs in the page".
  document.documentElement.setAttribute("data-aio-book-root", new URL("..", here).href);
  var wasmUrl = new URL("pkg/aio_widgets_bg.wasm", here).href;

  function placeholders() {
    return Array.prototype.slice.call(
      document.querySelectorAll(".aio-widget[data-aio-widget]")
    );
  }

  function describe(error) {
    if (error && error.message) return error.message;
    return String(error);
  }

  // Leaves the fallback in place and says, next to it, why the widget is missing.
  function fail(element, error) {
    element.setAttribute("data-aio-mounted", "error");
    var box = element.querySelector(":scope > .aio-error");
    if (!box) {
      box = document.createElement("p");
      box.className = "aio-error";
      box.setAttribute("role", "alert");
      element.insertBefore(box, element.firstChild);
    }
    box.textContent =
      "This interactive widget could not start (" + describe(error) + "). " +
      "The static version below still shows the example.";
    if (window.console) console.error("aio-widgets:", element, error);
  }

  // Each placeholder's untouched copy (its static fallback), to mount it again after a crash.
  var pristine = new Map();
  // The module instance in use, and how many instances the page has started.
  var current = null;
  var generation = 0;
  // The widget the reader last pressed, typed in or focused: the one a panic is blamed on when the
  // module does not say whose code panicked.
  var lastWidget = null;

  ["pointerdown", "keydown", "input", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var widget = event.target && event.target.closest && event.target.closest(".aio-widget");
      if (widget) lastWidget = widget;
    }, true);
  });

  function mountOne(module, element) {
    if (!pristine.has(element)) pristine.set(element, element.cloneNode(true));
    try {
      module.mount(
        element,
        element.getAttribute("data-aio-widget"),
        element.getAttribute("data-aio-props") || "{}"
      );
      element.setAttribute("data-aio-mounted", "true");
    } catch (error) {
      fail(element, error);
    }
  }

  function mountAll(module) {
    placeholders().forEach(function (element) {
      if (element.hasAttribute("data-aio-mounted")) return;
      mountOne(module, element);
    });
  }

  // Says in the crashed widget what happened, above its fallback, with a way to start it again.
  function crashed(element, message) {
    element.setAttribute("data-aio-mounted", "crashed");
    var box = document.createElement("div");
    box.className = "aio-error";
    box.setAttribute("role", "alert");
    var text = document.createElement("p");
    text.textContent =
      "This interactive widget stopped after an internal error (" + message + "). " +
      "Your edits are kept; the static version below still shows the example.";
    var restart = document.createElement("button");
    restart.type = "button";
    restart.className = "aio-button";
    restart.setAttribute("data-testid", "restart-widget");
    restart.textContent = "Restart this widget";
    restart.addEventListener("click", function () {
      var fresh = pristine.get(element).cloneNode(true);
      pristine.set(fresh, pristine.get(element));
      element.replaceWith(fresh);
      if (current) mountOne(current, fresh);
      var focusable = fresh.querySelector("textarea, button, input");
      if (focusable) focusable.focus();
    });
    box.appendChild(text);
    box.appendChild(restart);
    element.insertBefore(box, element.firstChild);
  }

  // A panic in instance `from`, in the code of widget `culprit` (its placeholder, or null when
  // unknown): drop the instance, put every widget back to its placeholder, the crashed one with an
  // error box, and mount the others in a new instance.
  function recover(from, message, culprit) {
    if (from !== generation) return; // a late trap of an instance already given up
    generation += 1;
    current = null;
    var blamed = culprit && pristine.has(culprit) ? culprit : lastWidget;
    placeholders().forEach(function (element) {
      var fresh = pristine.get(element);
      if (!fresh || element.getAttribute("data-aio-mounted") === "crashed") return;
      var copy = fresh.cloneNode(true);
      pristine.set(copy, fresh);
      element.replaceWith(copy);
      if (element === blamed) crashed(copy, message);
    });
    load();
  }

  // Starts a new instance of the module (a new URL gives a new module record, hence a new
  // instance: the browser caches the download) and mounts every placeholder not yet handled.
  function load() {
    var mine = generation;
    var url = mine === 0 ? glueUrl : glueUrl + "?instance=" + mine;
    import(url)
      .then(function (module) {
        return module.default({ module_or_path: wasmUrl }).then(function () {
          return module;
        });
      })
      .then(function (module) {
        if (mine !== generation) return;
        current = module;
        if (module.onPanic) {
          module.onPanic(function (message, culprit) {
            // Let the trap unwind out of the module first.
            setTimeout(function () { recover(mine, String(message), culprit); }, 0);
          });
        }
        mountAll(module);
      }, function (error) {
        placeholders().forEach(function (element) {
          if (element.hasAttribute("data-aio-mounted")) return;
          fail(element, "the WebAssembly module did not load: " + describe(error));
        });
      });
  }

  function start() {
    if (placeholders().length === 0) return;
    load();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
