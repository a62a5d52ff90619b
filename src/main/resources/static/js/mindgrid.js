// Small behaviours without inline scripts (CSP forbids them): menu toggle, CSRF header for htmx, form drafts.
// Ledger drafts (mentoring.js) live in localStorage as "mg-draft-<user id>-<form>" = {user, savedAt, fields}. On a
// shared staff-room computer they must not outlive their author's session: every page drops drafts older than
// 24 hours and drafts of anybody but the signed-in user (<body data-mg-user>), and logging out drops them all.
var MindGridDrafts = (function () {
  var PREFIX = 'mg-draft-';
  var MAX_AGE = 24 * 60 * 60 * 1000;
  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }
  function keys() {
    var s = storage(), all = [];
    if (!s) { return all; }
    for (var i = 0; i < s.length; i++) {
      var k = s.key(i);
      if (k && k.indexOf(PREFIX) === 0) { all.push(k); }
    }
    return all;
  }
  function read(key) {
    var s = storage();
    try { return s ? JSON.parse(s.getItem(key) || 'null') : null; } catch (e) { return null; }
  }
  function fresh(draft) {
    var age = Date.now() - (draft && typeof draft.savedAt === 'number' ? draft.savedAt : NaN);
    // a timestamp from the future (clock changed) is as untrustworthy as an old one
    return age >= -60 * 1000 && age <= MAX_AGE;
  }
  function currentUser() {
    return document.body ? document.body.getAttribute('data-mg-user') : null;
  }
  return {
    key: function (form) {
      var user = currentUser();
      return user ? PREFIX + user + '-' + form : null;
    },
    /** The signed-in user's fresh draft of this form, or null. */
    load: function (form) {
      var key = this.key(form), draft = key ? read(key) : null;
      return draft && draft.user === currentUser() && fresh(draft) ? draft.fields : null;
    },
    save: function (form, fields, submitted) {
      var key = this.key(form), s = storage();
      if (!key || !s) { return; }
      var draft = { user: currentUser(), savedAt: Date.now(), fields: fields };
      if (submitted) { draft.submitted = true; }
      try { s.setItem(key, JSON.stringify(draft)); } catch (e) { /* full or disabled */ }
    },
    /**
     * A submitted draft is kept until the server has taken the record: any signed-in page that neither holds
     * that form again (a validation error, the form after logging in again) nor is an error page means it has.
     * A post after the session expired goes to the login page, so its draft survives for its author.
     */
    settle: function (formsOnPage) {
      var user = currentUser(), s = storage();
      if (!user || !s || document.querySelector('[data-mg-keep-drafts]')) { return; }
      keys().forEach(function (k) {
        var draft = read(k), form = k.substring((PREFIX + user + '-').length);
        if (draft && draft.submitted && draft.user === user && formsOnPage.indexOf(form) < 0) { s.removeItem(k); }
      });
    },
    remove: function (form) {
      var key = this.key(form), s = storage();
      if (key && s) { s.removeItem(key); }
    },
    /** Drops stale drafts and, when someone is signed in, everybody else's. */
    sweep: function () {
      var user = currentUser(), s = storage();
      keys().forEach(function (k) {
        var draft = read(k);
        if (!draft || !fresh(draft) || (user && draft.user !== user) || k.indexOf(PREFIX + draft.user + '-') !== 0) {
          s.removeItem(k);
        }
      });
    },
    clearAll: function () {
      var s = storage();
      keys().forEach(function (k) { s.removeItem(k); });
    }
  };
})();
document.addEventListener('DOMContentLoaded', function () {
  var params = new URLSearchParams(window.location.search);
  var loginAfterLogout = /\/login$/.test(window.location.pathname) && (params.has('logout') || params.has('disabled') || params.has('ended'));
  if (loginAfterLogout) { MindGridDrafts.clearAll(); } else { MindGridDrafts.sweep(); }
  document.querySelectorAll('form[action$="/logout"]').forEach(function (form) {
    form.addEventListener('submit', function () { MindGridDrafts.clearAll(); });
  });
  document.querySelectorAll('[data-mg-toggle]').forEach(function (button) {
    button.addEventListener('click', function () {
      document.getElementById(button.getAttribute('data-mg-toggle')).classList.toggle('show');
    });
  });
  document.querySelectorAll('[data-mg-confirm]').forEach(function (el) {
    el.addEventListener('click', function (e) {
      if (!window.confirm(el.getAttribute('data-mg-confirm'))) { e.preventDefault(); }
    });
  });
});
// Forms with data-mg-draft="<name>" keep a draft in this browser while typing (a bell between lessons, a session
// that expires before saving must not cost the notes). Submitting keeps it, marked as submitted, until the server
// has taken the record (MindGridDrafts.settle).
document.addEventListener('DOMContentLoaded', function () {
  var names = [];
  // A page that shows its form again after a successful save says so: data-mg-draft-done="<name>".
  document.querySelectorAll('[data-mg-draft-done]').forEach(function (el) {
    MindGridDrafts.remove(el.getAttribute('data-mg-draft-done'));
  });
  document.querySelectorAll('form[data-mg-draft]').forEach(function (form) {
    var name = form.getAttribute('data-mg-draft');
    names.push(name);
    // a file cannot be kept in a draft (nor set back into its input: that throws)
    var fields = form.querySelectorAll('input[name]:not([type=hidden]):not([type=file]), textarea[name], select[name]');
    var saved = MindGridDrafts.load(name);
    var untouched = !form.querySelector('.is-invalid, .alert-danger');
    if (saved && untouched) {
      fields.forEach(function (f) {
        var v = saved[f.name + (f.type === 'checkbox' || f.type === 'radio' ? '=' + f.value : '')];
        if (v === undefined) { return; }
        if (f.type === 'checkbox' || f.type === 'radio') { f.checked = v; } else if (!f.value || f.defaultValue === f.value) { f.value = v; }
      });
      fields.forEach(function (f) { f.dispatchEvent(new Event('change', { bubbles: true })); });
    }
    function store(submitted) {
      var data = {};
      fields.forEach(function (f) {
        if (f.type === 'checkbox' || f.type === 'radio') { data[f.name + '=' + f.value] = f.checked; } else { data[f.name] = f.value; }
      });
      MindGridDrafts.save(name, data, submitted);
    }
    // The form is on the page again: whatever was submitted before is a draft being worked on.
    if (saved) { store(false); }
    form.addEventListener('input', function () { store(false); });
    form.addEventListener('change', function () { store(false); });
    form.addEventListener('submit', function () { store(true); });
  });
  MindGridDrafts.settle(names);
});
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { event.detail.headers[header.content] = token.content; }
});
// Live badge and queue (issue 7, point 4; ADR 0019). Every 20 s the badge asks /notifications/unread-count; an
// open warning queue asks /warnings/rows with the fingerprint it has (204 while nothing changed) and swaps in the
// rows, where new urgent ones come marked mg-new: a highlight and a line above, never a sound. Polling pauses
// while the tab is hidden, and stops after 25 minutes without a key or a tap, so an unattended screen lets its
// session expire as the 30-minute rule means; it stops as well when the session has ended (the answer is the login
// page, not JSON or rows).
var MindGridLive = (function () {
  var INTERVAL = 20 * 1000, QUEUE_INTERVAL = 15 * 1000, IDLE = 25 * 60 * 1000;
  var lastInput = Date.now(), stopped = false;
  ['keydown', 'pointerdown', 'scroll', 'touchstart'].forEach(function (type) {
    document.addEventListener(type, function () { lastInput = Date.now(); }, { passive: true, capture: true });
  });
  function active() {
    if (Date.now() - lastInput > IDLE) { stopped = true; }
    return !stopped && document.visibilityState === 'visible';
  }
  function get(url) {
    return fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { 'X-MG-Poll': '1' } });
  }
  function ended(response) {
    if (response.redirected || /\/login(\?|$)/.test(response.url)) { stopped = true; return true; }
    return false;
  }
  function showBadge(count) {
    document.querySelectorAll('[data-mg-badge]').forEach(function (holder) {
      var badge = holder.querySelector('.mg-unread');
      if (count > 0 && !badge) {
        badge = document.createElement('span');
        badge.className = holder.getAttribute('data-mg-badge');
        holder.appendChild(badge);
      }
      if (badge && count > 0) { badge.textContent = String(count); } else if (badge) { badge.remove(); }
    });
  }
  function pollBadge() {
    if (!active()) { return; }
    get(document.body.getAttribute('data-mg-unread-url')).then(function (r) {
      if (ended(r) || !r.ok || (r.headers.get('Content-Type') || '').indexOf('json') < 0) { return null; }
      return r.json();
    }).then(function (json) {
      if (json && typeof json.unread === 'number') { showBadge(json.unread); }
    }).catch(function () { /* offline for a moment: the next poll tries again */ });
  }
  function pollQueue(live) {
    if (!active()) { return; }
    var url = live.getAttribute('data-mg-live-url');
    url += (url.indexOf('?') < 0 ? '?' : '&') + 'v=' + encodeURIComponent(live.getAttribute('data-mg-live-version'))
      + '&since=' + encodeURIComponent(live.getAttribute('data-mg-live-since'));
    get(url).then(function (r) {
      if (ended(r) || r.status !== 200 || (r.headers.get('Content-Type') || '').indexOf('html') < 0) { return null; }
      var version = r.headers.get('X-Queue-Version');
      return r.text().then(function (html) { return { html: html, version: version }; });
    }).then(function (answer) {
      if (!answer || !answer.version) { return; }
      var rows = document.getElementById('warning-queue-rows');
      var holder = document.createElement('div');
      holder.innerHTML = answer.html;
      var fresh = holder.querySelector('#warning-queue-rows');
      if (!rows || !fresh) { return; }
      rows.replaceWith(fresh);
      live.setAttribute('data-mg-live-version', answer.version);
      var news = document.getElementById('warning-queue-news');
      var count = fresh.querySelectorAll('.mg-new').length;
      if (news) { news.classList.toggle('d-none', count === 0); }
      document.title = document.title.replace(/^\(\d+\) /, '') ;
      if (count > 0) { document.title = '(' + count + ') ' + document.title; }
    }).catch(function () { /* the next poll tries again */ });
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (document.body.getAttribute('data-mg-unread-url')) {
      setInterval(pollBadge, INTERVAL);
      document.addEventListener('visibilitychange', function () { if (active()) { pollBadge(); } });
    }
    var live = document.getElementById('warning-queue-live');
    if (live) {
      setInterval(function () { pollQueue(live); }, QUEUE_INTERVAL);
      document.addEventListener('visibilitychange', function () { if (active()) { pollQueue(live); } });
    }
  });
  return { active: active };
})();

// A PDF that takes seconds to render (the whole 一生一档): fetched with a progress line that counts the seconds,
// then offered as a link (and opened at once), instead of a blank tab that seems to hang.
document.addEventListener('click', function (event) {
  var link = event.target.closest && event.target.closest('a[data-mg-pdf-progress]');
  if (!link || !window.fetch || !window.URL || !URL.createObjectURL) { return; }
  var box = document.getElementById(link.getAttribute('data-mg-pdf-progress'));
  if (!box) { return; }
  event.preventDefault();
  var text = box.querySelector('[data-mg-pdf-text]');
  var open = box.querySelector('[data-mg-pdf-link]');
  var bar = box.querySelector('.progress');
  var started = Date.now();
  box.hidden = false; bar.hidden = false; open.hidden = true; link.classList.add('disabled');
  function tick() { text.textContent = box.getAttribute('data-working').replace('{0}', Math.round((Date.now() - started) / 1000)); }
  tick();
  var timer = setInterval(tick, 500);
  fetch(link.href, { credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) { throw new Error(r.status); }
    return r.blob();
  }).then(function (blob) {
    var url = URL.createObjectURL(blob);
    text.textContent = box.getAttribute('data-done').replace('{0}', Math.round((Date.now() - started) / 100) / 10)
      .replace('{1}', Math.round(blob.size / 1024));
    open.href = url; open.textContent = box.getAttribute('data-open'); open.target = '_blank'; open.hidden = false;
    window.open(url, '_blank');
  }).catch(function () {
    text.textContent = box.getAttribute('data-failed');
  }).finally(function () {
    clearInterval(timer); bar.hidden = true; link.classList.remove('disabled');
  });
});
