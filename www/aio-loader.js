// Mounts the book's interactive widgets (aio-widgets, Rust compiled to WebAssembly).
//
// A classic script, because mdBook's `additional-js` renders `<script src>`. It finds the
// WebAssembly package relative to its own URL (`assets/pkg/` at the site's root, shared by the
// editions), so it works at any page depth and under any sub-path. Every placeholder keeps its static fallback until its widget has mounted;
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
//
// It also serves the book's editions (English at the site's root, each translation in a folder
// named by its language): a language picker in the menu bar that leads to the same place in the
// other edition, mdBook's own button labels in the page's language, and, in Chinese, a search
// that splits a query the way `cargo xtask build` indexed the text (crates/xtask/src/search_cjk.rs).
(function () {
  "use strict";

  // The editions, as `cargo xtask build` lays them out (`TRANSLATIONS` in crates/xtask/src/build.rs):
  // a translation's folder is one level below the site's root.
  var EDITIONS = [
    { lang: "en", folder: "", name: "English" },
    { lang: "zh-CN", folder: "zh-CN/", name: "中文" }
  ];
  var pageLang = document.documentElement.lang || "en";
  // The edition is chosen by the language's primary subtag (`zh` of `zh-CN`), as the widgets
  // choose their words (`Lang::from_tag` in crates/aio-core/src/i18n.rs).
  function primary(tag) { return tag.split(/[-_]/)[0].toLowerCase(); }
  var edition = EDITIONS[0];
  EDITIONS.forEach(function (candidate) {
    if (primary(candidate.lang) === primary(pageLang)) edition = candidate;
  });
  var chinese = primary(edition.lang) === "zh";

  var script = document.currentScript;
  var here = new URL(".", script && script.src ? script.src : document.baseURI);
  // The root of this edition (this script lives in `assets/`), for the links widgets write, such
  // as "What runs in the page".
  var editionRoot = new URL("..", here);
  document.documentElement.setAttribute("data-aio-book-root", editionRoot.href);
  var siteRoot = new URL(edition.folder ? "../" : "./", editionRoot);
  // Every edition uses the one WebAssembly package at the site's root (`cargo xtask build` keeps
  // no copy in a translation's folder), so a reader who switches language downloads it once.
  var glueUrl = new URL("assets/pkg/aio_widgets.js", siteRoot).href;
  var wasmUrl = new URL("assets/pkg/aio_widgets_bg.wasm", siteRoot).href;

  // What the loader itself says. It speaks before the widgets' module has loaded, or when it could
  // not load, so it cannot use the module's message tables (crates/aio-core/src/i18n/).
  var WORDS = chinese ? {
    couldNotStart: function (why) {
      return "这个交互组件无法启动（" + why + "）。下面的静态版本仍然展示了这个示例。";
    },
    crashed: function (why) {
      return "这个交互组件因内部错误而停止（" + why + "）。你的修改已保存；下面的静态版本仍然展示了这个示例。";
    },
    restart: "重新启动这个组件",
    notLoaded: "WebAssembly 模块没有加载",
    picker: "阅读英文版"
  } : {
    couldNotStart: function (why) {
      return "This interactive widget could not start (" + why + "). " +
        "The static version below still shows the example.";
    },
    crashed: function (why) {
      return "This interactive widget stopped after an internal error (" + why + "). " +
        "Your edits are kept; the static version below still shows the example.";
    },
    restart: "Restart this widget",
    notLoaded: "the WebAssembly module did not load",
    picker: "Read this page in Chinese (中文)"
  };

  // mdBook's own buttons and fields, in Chinese (its template has them in English only).
  var MDBOOK_LABELS_ZH = {
    "Toggle Table of Contents": "显示或隐藏目录",
    "Table of contents": "目录",
    "Change theme": "切换主题",
    "Themes": "主题",
    "Search (`/`)": "搜索（/）",
    "Toggle Searchbar": "显示或隐藏搜索栏",
    "Print this book": "打印本书",
    "Previous chapter": "上一章",
    "Next chapter": "下一章",
    "Page navigation": "翻页",
    "Search this book ...": "搜索本书……"
  };

  function translateMdbookLabels() {
    ["title", "aria-label", "placeholder"].forEach(function (attribute) {
      document.querySelectorAll("[" + attribute + "]").forEach(function (element) {
        if (element.closest(".aio-widget")) return;
        var zh = MDBOOK_LABELS_ZH[element.getAttribute(attribute)];
        if (zh) element.setAttribute(attribute, zh);
      });
    });
  }

  // The language picker: a link per other edition to the same page and heading there. Editions
  // share the site's origin, so the reader's edits (kept per example) follow them.
  function addLanguagePicker() {
    var bar = document.querySelector("#mdbook-menu-bar .right-buttons");
    if (!bar || bar.querySelector(".aio-lang-picker")) return;
    if (location.href.indexOf(editionRoot.href) !== 0) return;
    // The page and its heading (`tasks.html#gather…`): headings have the same ids in every edition.
    var page = location.href.slice(editionRoot.href.length);
    EDITIONS.forEach(function (other) {
      if (other === edition) return;
      var link = document.createElement("a");
      link.className = "icon-button aio-lang-picker";
      link.href = new URL(other.folder + page, siteRoot).href;
      link.hreflang = other.lang;
      link.lang = other.lang;
      link.textContent = other.name;
      link.title = WORDS.picker;
      link.setAttribute("aria-label", WORDS.picker);
      link.setAttribute("data-testid", "language-picker");
      bar.insertBefore(link, bar.firstChild);
    });
  }

  // A query split as the Chinese index was built: Latin words lower-cased (dots inside kept, as in
  // `asyncio.gather`), and a run of Chinese characters as its overlapping pairs (one character
  // alone stays itself). The index has the single characters and the pairs, and its search
  // options ask for every token (AND), so 事件循环 finds the sections with 事件, 件循 and 循环.
  function cjkTokens(text) {
    var tokens = [];
    String(text == null ? "" : text).split(/[\s\-]+/).forEach(function (piece) {
      var latin = "";
      var run = [];
      function flushLatin() {
        var word = latin.replace(/^\.+|\.+$/g, "");
        if (word) tokens.push(word);
        latin = "";
      }
      function flushRun() {
        if (run.length === 1) tokens.push(run[0]);
        for (var i = 0; i + 1 < run.length; i++) tokens.push(run[i] + run[i + 1]);
        run = [];
      }
      Array.from(piece).forEach(function (c) {
        if (/[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/u.test(c)) {
          flushLatin();
          run.push(c);
        } else {
          flushRun();
          if (/[\p{L}\p{N}_.]/u.test(c)) latin += c.toLowerCase();
          else flushLatin();
        }
      });
      flushLatin();
      flushRun();
    });
    return tokens;
  }

  function installChineseSearch() {
    var lunr = window.elasticlunr;
    if (!lunr || !lunr.tokenizer) return;
    var original = lunr.tokenizer;
    var tokenizer = function (text) {
      if (Array.isArray(text)) {
        return text.reduce(function (all, item) { return all.concat(cjkTokens(item)); }, []);
      }
      return arguments.length ? cjkTokens(text) : [];
    };
    ["defaultSeperator", "seperator", "setSeperator", "resetSeperator", "getSeperator"]
      .forEach(function (name) { tokenizer[name] = original[name]; });
    lunr.tokenizer = tokenizer;
  }

  if (chinese) {
    translateMdbookLabels();
    installChineseSearch();
  }
  addLanguagePicker();

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
    box.textContent = WORDS.couldNotStart(describe(error));
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
    text.textContent = WORDS.crashed(message);
    var restart = document.createElement("button");
    restart.type = "button";
    restart.className = "aio-button";
    restart.setAttribute("data-testid", "restart-widget");
    restart.textContent = WORDS.restart;
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
          fail(element, WORDS.notLoaded + ": " + describe(error));
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
