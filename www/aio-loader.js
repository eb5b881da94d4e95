// Mounts the book's interactive widgets (aio-widgets, Rust compiled to WebAssembly).
//
// A classic script, because mdBook's `additional-js` renders `<script src>`. It finds the
// WebAssembly package next to itself (`pkg/` beside this file), so it works at any page depth and
// under any sub-path. Every placeholder keeps its static fallback until its widget has mounted;
// a placeholder whose widget cannot start gets an error note and keeps the fallback, and the
// others still mount. No request leaves the page's origin, no inline script, no eval.
(function () {
  "use strict";

  var script = document.currentScript;
  var here = new URL(".", script && script.src ? script.src : document.baseURI);
  var glueUrl = new URL("pkg/aio_widgets.js", here).href;
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

  function mountAll(module) {
    placeholders().forEach(function (element) {
      if (element.hasAttribute("data-aio-mounted")) return;
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
    });
  }

  function start() {
    if (placeholders().length === 0) return;
    import(glueUrl)
      .then(function (module) {
        return module.default({ module_or_path: wasmUrl }).then(function () {
          return module;
        });
      })
      .then(mountAll, function (error) {
        placeholders().forEach(function (element) {
          fail(element, "the WebAssembly module did not load: " + describe(error));
        });
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
