// Kioku admin: small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  var kioku = window.kioku = window.kioku || {};
  document.documentElement.classList.add("js");

  document.addEventListener("click", function (e) {
    var el = e.target.closest("[data-confirm]");
    if (el && !window.confirm(el.getAttribute("data-confirm"))) e.preventDefault();
  });

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
