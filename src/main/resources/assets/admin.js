// Kioku admin: small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  document.addEventListener("click", function (e) {
    var el = e.target.closest("[data-confirm]");
    if (el && !window.confirm(el.getAttribute("data-confirm"))) e.preventDefault();
  });

  // "Copy preview link" and the like: copies the value of the input named by data-copy
  document.addEventListener("click", function (e) {
    var button = e.target.closest("[data-copy]");
    if (!button) return;
    var input = document.getElementById(button.getAttribute("data-copy"));
    var label = button.textContent;
    var copied = function () {
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = label; }, 1600);
    };
    input.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(copied, function () { /* the text stays selected */ });
    } else {
      try { if (document.execCommand("copy")) copied(); } catch (ignored) { /* the text stays selected */ }
    }
  });

  // Write / Preview tabs (shown when the editor is too narrow for both side by side)
  document.querySelectorAll("[data-tabs]").forEach(function (box) {
    var tabs = box.querySelectorAll("[data-tab]");
    tabs.forEach(function (tab) {
      tab.addEventListener("click", function () {
        box.setAttribute("data-show", tab.getAttribute("data-tab"));
        tabs.forEach(function (t) { t.setAttribute("aria-selected", String(t === tab)); });
      });
    });
  });

  // the featured image's thumbnail follows the select
  document.querySelectorAll("select[data-thumb]").forEach(function (select) {
    var img = document.getElementById(select.getAttribute("data-thumb"));
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      var src = option && option.getAttribute("data-src");
      if (src) { img.src = src; img.hidden = false; } else { img.hidden = true; img.removeAttribute("src"); }
    });
  });

  // the preview follows the text: scrolled to the same share of its length
  var body = document.getElementById("body");
  var preview = document.getElementById("preview");
  if (body && preview) {
    body.addEventListener("scroll", function () {
      var range = body.scrollHeight - body.clientHeight;
      if (range > 0) preview.scrollTop = (body.scrollTop / range) * (preview.scrollHeight - preview.clientHeight);
    }, { passive: true });
  }

  var editor = document.getElementById("editor");
  if (editor && window.htmx) autosave(editor);

  function setToken(token) {
    document.querySelectorAll("input[name=_csrf]").forEach(function (input) { input.value = token; });
    document.body.setAttribute("hx-headers", JSON.stringify({ "X-CSRF-Token": token }));
  }

  // A fresh CSRF token exists only with a live session: after signing in again in another tab, the
  // token in this page is stale; this fetches the new one so the text here can still be saved.
  function refreshToken() {
    return fetch("/admin/csrf-token/", { headers: { "HX-Request": "true" }, credentials: "same-origin", cache: "no-store" })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.text(); })
      .then(function (token) { setToken(token.trim()); return true; })
      .catch(function () { return false; });
  }

  // Autosave: every 10 s when something changed, and when leaving a field. A failed autosave keeps the
  // text in the page, says why, and tries again; a save with a lost session is held back until it can work.
  function autosave(form) {
    var status = document.getElementById("autosave-status");
    var dirty = false, inFlight = false, trouble = null, heldSubmit = null;

    function say(text, tone, link) {
      status.className = "autosave autosave--" + tone;
      status.textContent = text;
      if (link) {
        var a = document.createElement("a");
        a.href = link.href; a.target = "_blank"; a.rel = "noopener"; a.textContent = link.text;
        status.appendChild(document.createTextNode(" "));
        status.appendChild(a);
      }
    }
    function sessionEnded() {
      say("Your session has ended. Sign in again in another tab, then save: your text is still here.", "error",
        { href: "/admin/sign-in/", text: "Sign in (new tab)" });
    }
    function run() {
      if (!dirty || inFlight) return;
      dirty = false;
      inFlight = true;
      htmx.trigger(form, "kioku:autosave");
    }

    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("change", function () { dirty = true; });
    form.addEventListener("focusout", function (e) {
      if (e.relatedTarget && e.relatedTarget.type === "submit") return; // the save itself is coming
      if (e.target.matches("input, textarea, select")) run();
    });
    setInterval(run, 10000);

    form.addEventListener("htmx:beforeSwap", function (e) {
      // fired on the swap target: the request's own element is in requestConfig
      if (!e.detail.requestConfig || e.detail.requestConfig.elt !== form) return;
      var code = e.detail.xhr.status;
      if (code === 401) {
        e.detail.shouldSwap = false;
        trouble = "session"; dirty = true;
        sessionEnded();
      } else if (code === 403) {
        e.detail.shouldSwap = false;
        trouble = "token"; dirty = true;
        say(e.detail.xhr.responseText || "Autosave was refused.", "error");
        refreshToken().then(function (ok) { if (ok) { trouble = null; inFlight = false; run(); } });
      } else if (code === 409) {
        e.detail.shouldSwap = true; e.detail.isError = false;
        trouble = null;
      } else if (code >= 400) {
        e.detail.shouldSwap = false;
        dirty = true;
        say("Autosave failed (" + code + "). Your text is still here; it will try again.", "error");
      } else {
        trouble = null;
        status.className = "autosave";
      }
    });
    // a save clicked while an autosave is under way waits for it: the first autosave of a new post makes the
    // draft, and the save must update that draft rather than make a second one
    function finished() {
      inFlight = false;
      if (heldSubmit) {
        var button = heldSubmit;
        heldSubmit = null;
        form.requestSubmit(button);
      }
    }
    form.addEventListener("htmx:afterRequest", function (e) { if (e.detail.elt === form) finished(); });
    form.addEventListener("htmx:sendError", function (e) {
      if (e.detail.elt !== form) return;
      dirty = true;
      say("Cannot reach the server. Your text is still here; autosave will try again.", "error");
      finished();
    });

    form.addEventListener("submit", function (e) {
      if (inFlight) {
        e.preventDefault();
        heldSubmit = e.submitter || null;
        return;
      }
      if (!trouble) return;
      e.preventDefault();
      var submitter = e.submitter;
      refreshToken().then(function (ok) {
        if (!ok) { sessionEnded(); return; }
        trouble = null;
        form.requestSubmit(submitter);
      });
    });
  }
})();
