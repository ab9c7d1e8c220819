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
