// Sign-in icons under the comment form (links marked data-reader-sign-in) open the provider in a popup, so the
// post and the typed comment stay as they are; when popups are blocked the link is simply followed (a
// full-page redirect that comes back to #respond). When the popup reports success, this page hears it (same
// origin only) and announces "kioku:reader-signed-in" on document for the comment form to show the reader.
(function () {
  'use strict';
  document.addEventListener('click', function (e) {
    var link = e.target.closest ? e.target.closest('a[data-reader-sign-in]') : null;
    if (!link || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var url = link.href + (link.href.indexOf('?') < 0 ? '?' : '&') + 'popup=1';
    var popup = window.open(url, 'kioku-sign-in', 'popup,width=520,height=680');
    if (popup) e.preventDefault();
  });
  window.addEventListener('message', function (e) {
    if (e.origin !== window.location.origin || !e.data || e.data.kioku !== 'reader-signed-in') return;
    document.dispatchEvent(new CustomEvent('kioku:reader-signed-in'));
  });
})();
