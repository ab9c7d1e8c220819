// The pages of a reader's sign-in that opened in a popup: "Connecting to …" goes on to the provider at once;
// "Signed in" tells the post page that opened it (this origin only) and closes. Without an opener it goes back
// to the comment form itself.
(function () {
  'use strict';
  var box = document.querySelector('[data-reader-sign-in]');
  if (!box) return;
  var go = box.getAttribute('data-go');
  if (go) {
    window.location.replace(go);
    return;
  }
  if (box.getAttribute('data-signed-in') !== 'yes') return;
  var opener = window.opener;
  if (opener && !opener.closed) {
    try {
      opener.postMessage({kioku: 'reader-signed-in'}, window.location.origin);
      window.close();
      return;
    } catch (e) { /* an opener from another origin: go back in this window instead */ }
  }
  window.location.replace(box.getAttribute('data-return'));
})();
