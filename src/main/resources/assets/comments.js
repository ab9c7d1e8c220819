// The comment form on cached post pages: the page is the same bytes for every reader, so what is personal is
// filled in here — remembered details, the form's timing token, replies in place, and this browser's own
// comments that wait for a moderator (or may still be edited).
(function () {
  'use strict';
  var section = document.getElementById('comments');
  if (!section) return;
  var postId = section.getAttribute('data-post');
  var form = section.querySelector('[data-comment-form]');
  var respond = document.getElementById('respond');

  function cookie(name) {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (parts[i].substring(0, eq) === name) return decodeURIComponent(parts[i].substring(eq + 1));
    }
    return null;
  }

  function fromBase64Url(text) {
    var b64 = text.replace(/-/g, '+').replace(/_/g, '/');
    while (b64.length % 4) b64 += '=';
    var bytes = atob(b64);
    var utf8 = new Uint8Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) utf8[i] = bytes.charCodeAt(i);
    return new TextDecoder().decode(utf8);
  }

  if (form) {
    var saved = cookie('kioku_comment_author');
    if (saved) {
      try {
        var who = JSON.parse(fromBase64Url(saved));
        [['name', who.name], ['email', who.email], ['url', who.url]].forEach(function (pair) {
          var input = form.elements[pair[0]];
          if (input && !input.value && pair[1]) input.value = pair[1];
        });
        form.elements.remember.checked = true;
      } catch (e) { /* a damaged cookie just means typing the details again */ }
    }

    var asked = false;
    function askToken() {
      if (asked) return;
      asked = true;
      fetch('/comments/token/', {credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data && data.token) form.elements.ft.value = data.token; })
        .catch(function () { asked = false; });
    }
    form.addEventListener('focusin', askToken);
    form.addEventListener('input', askToken);

    var title = document.getElementById('reply-title');
    var cancel = respond.querySelector('.respond__cancel');
    var home = respond.parentNode;
    var homeNext = respond.nextSibling;
    var original = title.textContent;

    section.addEventListener('click', function (event) {
      var link = event.target.closest('[data-reply]');
      if (link) {
        event.preventDefault();
        var card = link.closest('.comment__card');
        card.parentNode.insertBefore(respond, card.nextSibling);
        form.elements.parent.value = link.getAttribute('data-reply');
        title.textContent = 'Reply to ' + link.getAttribute('data-author');
        cancel.hidden = false;
        form.elements.body.focus();
        return;
      }
      if (event.target.closest('[data-cancel-reply]') && form.elements.parent.value) {
        event.preventDefault();
        home.insertBefore(respond, homeNext);
        form.elements.parent.value = '';
        title.textContent = original;
        cancel.hidden = true;
      }
    });
  }

  // signing in: who a signed-in reader comments as (asked only when the marker cookie says a session may
  // exist), Log Out / Change, and the typed comment kept across the trip to a sign-in page
  if (form && respond) {
    var readerBox = respond.querySelector('[data-reader]');
    var signInBox = respond.querySelector('[data-sign-in]');
    var guestOnly = [form.querySelector('.comment-form__who'), form.elements.remember && form.elements.remember.parentNode,
      form.querySelector('.comment-form__note')];
    var draftKey = 'kioku-draft:' + postId;
    var signedIn = false;

    var keepDraft = function () {
      try {
        if (form.elements.body.value) sessionStorage.setItem(draftKey, form.elements.body.value);
      } catch (e) { /* storage may be off; the text then stays only in this tab */ }
    };
    try {
      var draft = sessionStorage.getItem(draftKey);
      if (draft !== null) {
        if (!form.elements.body.value) form.elements.body.value = draft;
        sessionStorage.removeItem(draftKey);
      }
    } catch (e) { /* nothing kept */ }

    var showReader = function (me) {
      signedIn = true;
      var picture = readerBox.querySelector('[data-reader-picture]');
      picture.textContent = '';
      if (me.avatarUrl) {
        var img = document.createElement('img');
        img.src = me.avatarUrl;
        img.alt = '';
        img.width = 40;
        img.height = 40;
        img.referrerPolicy = 'no-referrer';
        picture.appendChild(img);
      }
      var name = readerBox.querySelector('[data-reader-name]');
      name.textContent = '';
      if (me.profileUrl) {
        var a = document.createElement('a');
        a.href = me.profileUrl;
        a.rel = 'nofollow ugc external';
        a.textContent = me.name;
        name.appendChild(a);
      } else {
        name.textContent = me.name;
      }
      readerBox.querySelector('[data-reader-provider]').textContent = me.providerLabel;
      readerBox.hidden = false;
      signInBox.hidden = true;
      guestOnly.forEach(function (el) { if (el) el.hidden = true; });
      form.elements.name.required = false;
      form.elements.email.required = false;
    };
    var showGuest = function () {
      signedIn = false;
      readerBox.hidden = true;
      signInBox.hidden = false;
      guestOnly.forEach(function (el) { if (el) el.hidden = false; });
      form.elements.name.required = true;
      form.elements.email.required = true;
    };
    var askWhoIsSignedIn = function () {
      if (signedIn || !cookie('kioku_reader')) return;
      fetch('/readers/me/', {credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (me) { if (me && me.signedIn) showReader(me); })
        .catch(function () { /* stays a guest's form */ });
    };
    form.addEventListener('submit', function () {
      try { sessionStorage.removeItem(draftKey); } catch (e) { /* nothing kept */ }
    });
    askWhoIsSignedIn();
    // an emailed link is usually confirmed in another tab: look again when the reader comes back to this one
    window.addEventListener('focus', askWhoIsSignedIn);
    // a provider's popup (reader-sign-in.js) says when it signed the reader in
    document.addEventListener('kioku:reader-signed-in', askWhoIsSignedIn);

    var signOut = function () {
      return fetch('/readers/sign-out/', {method: 'POST', credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (r) { if (r.ok) showGuest(); return r.ok; });
    };
    readerBox.querySelector('[data-reader-sign-out]').addEventListener('submit', function (event) {
      event.preventDefault();
      signOut().catch(function () { event.target.submit(); });
    });
    readerBox.querySelector('[data-reader-change]').addEventListener('click', function () {
      signOut().then(function () {
        var first = signInBox.querySelector('a, summary');
        signInBox.scrollIntoView({block: 'nearest'});
        if (first) first.focus();
      }).catch(function () { /* still signed in; nothing changed */ });
    });

    signInBox.addEventListener('click', function (event) {
      if (event.target.closest('[data-sign-in-start]')) keepDraft();
    });
    var emailForm = signInBox.querySelector('[data-sign-in-email]');
    if (emailForm) {
      emailForm.addEventListener('submit', function (event) {
        event.preventDefault();
        keepDraft();
        var sent = emailForm.querySelector('[data-sign-in-sent]');
        fetch(emailForm.action, {method: 'POST', credentials: 'same-origin', body: new URLSearchParams(new FormData(emailForm))})
          .then(function (r) {
            if (!r.ok) { emailForm.submit(); return; }
            sent.textContent = 'Check your inbox: the link signs you in for 15 minutes. Your comment stays here in this tab.';
          })
          .catch(function () { emailForm.submit(); });
      });
    }
  }

  // this browser's own comments: held ones shown to their writer, fresh ones editable for a few minutes
  if (!cookie('kioku_commented') || !postId) return;
  fetch('/comments/mine/?post=' + encodeURIComponent(postId), {credentials: 'same-origin'})
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (mine) {
      if (!mine) return;
      mine.held.forEach(function (c) {
        if (document.getElementById('comment-' + c.id)) return;
        var list = null;
        var parent = c.parent && document.getElementById('comment-' + c.parent);
        if (parent) {
          list = parent.querySelector(':scope > ol.comment-list');
          if (!list) {
            list = document.createElement('ol');
            list.className = 'comment-list comment-list--replies';
            parent.appendChild(list);
          }
        } else {
          list = section.querySelector(':scope > ol.comment-list');
          if (!list) {
            list = document.createElement('ol');
            list.className = 'comment-list';
            section.insertBefore(list, section.querySelector('#comments-title').nextSibling);
          }
        }
        list.insertAdjacentHTML('beforeend', c.html);
      });
      mine.editable.forEach(function (c) {
        var card = document.querySelector('#comment-' + c.id + ' > .comment__card');
        if (!card || card.querySelector('.comment__edit')) return;
        var actions = card.querySelector('.comment__actions');
        if (!actions) {
          actions = document.createElement('p');
          actions.className = 'comment__actions';
          card.appendChild(actions);
        }
        var edit = document.createElement('a');
        edit.className = 'comment__edit';
        edit.href = c.editUrl;
        edit.textContent = 'Edit';
        actions.appendChild(edit);
      });
      if (location.hash.indexOf('#comment-') === 0) {
        var target = document.getElementById(location.hash.substring(1));
        if (target) target.scrollIntoView();
      }
    })
    .catch(function () { /* the page still works without them */ });
})();
