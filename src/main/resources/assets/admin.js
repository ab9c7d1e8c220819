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
