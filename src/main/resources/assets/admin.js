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
