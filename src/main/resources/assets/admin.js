// Kioku admin: small progressive enhancements; every page works without this file.
document.addEventListener("click", function (e) {
  var el = e.target.closest("[data-confirm]");
  if (el && !window.confirm(el.getAttribute("data-confirm"))) e.preventDefault();
});

// htmx swaps a region in place (moving a series part): keep keyboard focus on the button that was used,
// or on its twin when it has just become disabled (a part moved to the top can only go down).
var kiokuFocus = null;
document.addEventListener("htmx:beforeRequest", function (e) {
  var button = e.detail.elt && e.detail.elt.querySelector && e.detail.elt.querySelector("button[id]");
  kiokuFocus = button ? button.id : null;
});
document.addEventListener("htmx:afterSettle", function () {
  if (!kiokuFocus) return;
  var el = document.getElementById(kiokuFocus);
  if (el && el.disabled) {
    var twin = kiokuFocus.indexOf("up-") === 0 ? "down-" + kiokuFocus.slice(3) : "up-" + kiokuFocus.slice(5);
    el = document.getElementById(twin);
  }
  if (el) el.focus();
  kiokuFocus = null;
});

// A colour picker beside a #rrggbb text field: hidden without scripts (it has no name, the text field is sent).
document.querySelectorAll("input[type=color][data-sync]").forEach(function (picker) {
  var text = document.getElementById(picker.getAttribute("data-sync"));
  if (!text) return;
  picker.hidden = false;
  picker.addEventListener("input", function () { text.value = picker.value; });
  text.addEventListener("input", function () {
    var v = text.value.trim().toLowerCase();
    if (/^#[0-9a-f]{6}$/.test(v)) picker.value = v;
  });
});

// Rows of fields (profile links): add and remove in the page. Without scripts the same buttons send the
// form back to be shown again with the rows changed (nothing is saved until "Save").
function kiokuRenumber(list) {
  list.querySelectorAll("[data-row]").forEach(function (row, i) {
    row.querySelectorAll("[data-name]").forEach(function (input) {
      input.name = input.id = input.getAttribute("data-name") + "-" + i;
    });
    row.querySelectorAll("[data-for]").forEach(function (label) {
      label.htmlFor = label.getAttribute("data-for") + "-" + i;
    });
    var remove = row.querySelector("[data-row-remove]");
    if (remove) remove.value = i;
  });
}
document.addEventListener("click", function (e) {
  var add = e.target.closest("[data-rows-add]");
  if (add) {
    var list = document.getElementById(add.getAttribute("data-rows-add"));
    var last = list && list.querySelector("[data-row]:last-of-type");
    if (!last) return;
    e.preventDefault();
    var row = last.cloneNode(true);
    row.querySelectorAll("input").forEach(function (input) {
      input.value = "";
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    });
    row.querySelectorAll(".field-error").forEach(function (p) { p.remove(); });
    list.appendChild(row);
    kiokuRenumber(list);
    row.querySelector("input").focus();
    return;
  }
  var remove = e.target.closest("[data-row-remove]");
  if (remove) {
    e.preventDefault();
    var current = remove.closest("[data-row]");
    var rows = current.parentNode;
    if (rows.querySelectorAll("[data-row]").length > 1) {
      var next = current.nextElementSibling || current.previousElementSibling;
      current.remove();
      kiokuRenumber(rows);
      next.querySelector("input").focus();
    } else {
      current.querySelectorAll("input").forEach(function (input) { input.value = ""; });
      current.querySelector("input").focus();
    }
  }
});

// ---- from the media screens
(function () {
  "use strict";
  var kioku = window.kioku = window.kioku || {};
  document.documentElement.classList.add("js");


  // ---- uploads (media library and the editor's picker)

  /** The CSRF token htmx sends, read from the body's hx-headers. */
  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRF-Token"] || "";
    } catch (err) {
      return "";
    }
  }

  function line(status, text, kind) {
    var item = document.createElement("li");
    item.textContent = text;
    if (kind) item.className = kind;
    status.appendChild(item);
    return item;
  }

  /**
   * Uploads files one at a time, so one refused file never costs the others, and reports each in the
   * list `status`. Resolves to the number uploaded.
   */
  kioku.upload = function (files, maxBytes, status) {
    var uploaded = 0;
    var chain = Promise.resolve();
    status.textContent = "";
    Array.prototype.forEach.call(files, function (file) {
      var item = line(status, file.name + ": waiting…");
      chain = chain.then(function () {
        if (maxBytes && file.size > maxBytes) {
          item.className = "upload__refused";
          item.textContent = file.name + ": this file is " + (file.size / 1048576).toFixed(1) + " MB; the limit is "
            + Math.round(maxBytes / 1048576) + " MB a file. Make it smaller and upload it again.";
          return;
        }
        item.textContent = file.name + ": uploading…";
        var form = new FormData();
        form.append("files", file, file.name);
        return fetch("/admin/media/", {
          method: "POST", body: form, credentials: "same-origin",
          headers: {"X-CSRF-Token": csrfToken(), "Accept": "application/json"}
        }).then(function (response) {
          if ((response.headers.get("Content-Type") || "").indexOf("application/json") === 0) return response.json();
          return response.text().then(function (text) {
            return {uploaded: [], refused: [{message: text || "the server answered " + response.status + "."}]};
          });
        }).then(function (result) {
          if (result.uploaded.length) {
            uploaded++;
            item.className = "upload__done";
            item.textContent = file.name + ": uploaded.";
          } else {
            item.className = "upload__refused";
            item.textContent = file.name + ": " + result.refused[0].message;
          }
        }).catch(function () {
          item.className = "upload__refused";
          item.textContent = file.name + ": the upload did not reach the server. Check the connection and try again.";
        });
      });
    });
    return chain.then(function () { return uploaded; });
  };

  function hasFiles(e) {
    return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types || [], "Files") >= 0;
  }

  // The library page: files chosen or dropped anywhere on the page upload at once, then the grid reloads.
  var uploadForm = document.querySelector("form[data-upload]");
  if (uploadForm) {
    var input = uploadForm.querySelector("input[type=file]");
    var status = uploadForm.querySelector("[data-upload-status]");
    var zone = uploadForm.querySelector("[data-dropzone]");
    var maxBytes = Number(uploadForm.getAttribute("data-max-bytes")) || 0;
    var depth = 0;
    var send = function (files) {
      if (!files || !files.length) return;
      kioku.upload(files, maxBytes, status).then(function (count) {
        input.value = "";
        if (!count) return;
        if (window.htmx) {
          window.htmx.ajax("GET", "/admin/media/", {target: "#media-library", select: "#media-library", swap: "outerHTML"});
        } else {
          window.location.reload();
        }
      });
    };
    input.addEventListener("change", function () { send(input.files); });
    uploadForm.addEventListener("submit", function (e) {
      e.preventDefault();
      send(input.files);
    });
    document.addEventListener("dragenter", function (e) {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      zone.classList.add("is-dragging");
    });
    document.addEventListener("dragover", function (e) {
      if (hasFiles(e)) e.preventDefault();
    });
    document.addEventListener("dragleave", function (e) {
      if (hasFiles(e) && --depth <= 0) {
        depth = 0;
        zone.classList.remove("is-dragging");
      }
    });
    document.addEventListener("drop", function (e) {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      zone.classList.remove("is-dragging");
      send(e.dataTransfer.files);
    });
  }

  // ---- "insert as figure" (contract: see MediaAdminRoutes)

  function oneLine(text) {
    return String(text || "").replace(/\s+/g, " ").trim();
  }

  /** ![alt](src "caption"), escaped so any alt text or caption survives Markdown. */
  kioku.figureMarkdown = function (alt, src, caption) {
    var title = oneLine(caption) ? " \"" + oneLine(caption).replace(/(["\\])/g, "\\$1") + "\"" : "";
    return "![" + oneLine(alt).replace(/([\\`*_\[\]<>!])/g, "\\$1") + "](" + src + title + ")";
  };

  /**
   * Puts a figure in its own paragraph at the cursor of textarea#body. An editor that replaces the textarea
   * handles the cancelable "kioku:insert-figure" event instead (event.detail.markdown).
   */
  kioku.insertFigure = function (alt, src, caption) {
    var area = document.getElementById("body");
    if (!area) return false;
    var markdown = kioku.figureMarkdown(alt, src, caption);
    var event = new CustomEvent("kioku:insert-figure", {bubbles: true, cancelable: true,
      detail: {markdown: markdown, alt: alt, src: src, caption: caption}});
    if (!area.dispatchEvent(event)) return true;
    var start = area.selectionStart, end = area.selectionEnd;
    var before = area.value.slice(0, start), after = area.value.slice(end);
    var lead = before === "" || /\n\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
    var trail = /^\n\n/.test(after) ? "" : /^\n/.test(after) ? "\n" : "\n\n";
    var text = lead + markdown + trail;
    var expected = area.value.length - (end - start) + text.length;
    area.focus();
    area.setSelectionRange(start, end);
    // execCommand keeps the browser's undo history; setRangeText is the fallback where it is gone
    if (!(document.execCommand && document.execCommand("insertText", false, text)) || area.value.length !== expected) {
      area.setRangeText(text, start, end, "end");
      area.dispatchEvent(new Event("input", {bubbles: true}));
    }
    return true;
  };

  function closePicker(el) {
    var picker = el.closest("[data-picker]");
    if (picker) picker.remove();
    var area = document.getElementById("body");
    if (area) area.focus();
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest("[data-insert-figure]");
    if (button) {
      e.preventDefault();
      kioku.insertFigure(button.getAttribute("data-alt"), button.getAttribute("data-src"), button.getAttribute("data-caption"));
      closePicker(button);
      return;
    }
    var close = e.target.closest("[data-picker-close]");
    if (close) closePicker(close);
  });

  document.addEventListener("change", function (e) {
    var input = e.target.closest ? e.target.closest("[data-picker-upload]") : null;
    if (!input) return;
    var picker = input.closest("[data-picker]");
    var holder = picker.parentElement;
    kioku.upload(input.files, Number(input.getAttribute("data-max-bytes")) || 0, picker.querySelector("[data-upload-status]"))
      .then(function (count) {
        input.value = "";
        if (!count || !window.htmx) return;
        var refused = Array.prototype.slice.call(picker.querySelectorAll(".upload__refused"));
        window.htmx.ajax("GET", "/admin/media/picker/", {target: picker, swap: "outerHTML"}).then(function () {
          var list = holder.querySelector("[data-picker] [data-upload-status]");
          if (list) refused.forEach(function (item) { list.appendChild(item); });
        });
      });
  });
})();

// ---- from the posts screens
(function () {
  "use strict";
  document.documentElement.classList.add("js");


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
    var dirty = false, inFlight = false, trouble = null, heldSubmit = null, submitting = false;

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

    // "Leave page?" while something typed is not kept anywhere yet: changed since the last autosave, or an
    // autosave still on its way. Saving the form itself is leaving on purpose.
    window.addEventListener("beforeunload", function (e) {
      if (submitting || !(dirty || inFlight)) return;
      e.preventDefault();
      e.returnValue = "";
    });
    window.addEventListener("pageshow", function () { submitting = false; });

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
      if (!trouble) {
        submitting = true;
        return;
      }
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

// The moderation queue: "select all" ticks every row's box (the rows' boxes belong to the bulk form by its id).
document.querySelectorAll("input[data-check-all]").forEach(function (all) {
  var boxes = document.querySelectorAll("input[type=checkbox][form='" + all.getAttribute("data-check-all") + "']");
  if (!boxes.length) return;
  all.hidden = false;
  all.addEventListener("change", function () {
    boxes.forEach(function (box) { box.checked = all.checked; });
  });
});
