// The student's questionnaire (/s/{code}, issue 9 point 4): one question per screen, large option buttons, a
// progress bar, back/next, a review step and submit. Every answer is saved at once through
// POST /api/v1/screening/sessions/{code}/answers; until the server has confirmed it, it waits in localStorage
// ("mg-screening-<code>" = {scaleId: {itemNo: value}}) and is retried, so a dropped connection or a closed tab loses
// nothing: the next visit sends what was left and resumes at the first question not answered. Only unsent answers
// are ever kept on the device, and none once sent (computer-room machines are shared).
(function () {
  'use strict';
  var root = document.getElementById('mg-sa-questionnaire');
  var dataEl = document.getElementById('mg-sa-data');
  if (!root || !dataEl) { return; }
  var session;
  try { session = JSON.parse(dataEl.textContent); } catch (e) { return; }
  var code = root.getAttribute('data-code');
  var api = root.getAttribute('data-api');
  var doneUrl = root.getAttribute('data-done');
  var screen = document.getElementById('mg-sa-screen');
  var status = document.getElementById('mg-sa-status');
  var KEY = 'mg-screening-' + code;

  function t(name) {
    var s = root.getAttribute('data-t-' + name) || name;
    for (var i = 1; i < arguments.length; i++) { s = s.split('{' + (i - 1) + '}').join(String(arguments[i])); }
    return s;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  // ---- answers: the server's, with unsent local ones on top ----
  var scales = session.scales.filter(function (s) { return !s.submitted; });
  var answers = {};
  scales.forEach(function (s) {
    answers[s.id] = {};
    Object.keys(s.answers || {}).forEach(function (no) { answers[s.id][no] = s.answers[no]; });
  });
  function storage() { try { return window.localStorage; } catch (e) { return null; } }
  function loadPending() {
    var st = storage();
    try { return (st && JSON.parse(st.getItem(KEY) || 'null')) || {}; } catch (e) { return {}; }
  }
  function storePending() {
    var st = storage();
    if (!st) { return; }
    var any = Object.keys(pending).some(function (k) { return Object.keys(pending[k]).length > 0; });
    try { if (any) { st.setItem(KEY, JSON.stringify(pending)); } else { st.removeItem(KEY); } } catch (e) { /* full */ }
  }
  var pending = loadPending();
  Object.keys(pending).forEach(function (scaleId) {
    if (!answers[scaleId]) { delete pending[scaleId]; return; }
    Object.keys(pending[scaleId]).forEach(function (no) { answers[scaleId][no] = pending[scaleId][no]; });
  });

  // ---- steps: per scale its instructions then its items; at the end the review ----
  var steps = [];
  scales.forEach(function (s, si) {
    steps.push({ kind: 'intro', scale: s, index: si });
    s.items.forEach(function (item, ii) { steps.push({ kind: 'item', scale: s, item: item, index: si, pos: ii }); });
  });
  steps.push({ kind: 'review' });

  function answered(s, no) { return answers[s.id] && answers[s.id][String(no)] !== undefined; }
  function missing() {
    var list = [];
    scales.forEach(function (s) {
      s.items.forEach(function (item) { if (!answered(s, item.no)) { list.push({ scale: s, no: item.no }); } });
    });
    return list;
  }
  function stepOf(scaleId, no) {
    for (var i = 0; i < steps.length; i++) {
      if (steps[i].kind === 'item' && steps[i].scale.id === scaleId && steps[i].item.no === no) { return i; }
    }
    return 0;
  }
  function resumeStep() {
    var any = scales.some(function (s) { return Object.keys(answers[s.id]).length > 0; });
    if (!any) { return 0; }
    var m = missing();
    return m.length ? stepOf(m[0].scale.id, m[0].no) : steps.length - 1;
  }

  // ---- saving ----
  var sending = false, retryTimer = null, delay = 2000;
  function setStatus(text, cls) { status.textContent = text; status.className = 'mg-sa-status small ' + (cls || ''); }
  function flush() {
    if (sending) { return; }
    var scaleId = Object.keys(pending).filter(function (k) { return Object.keys(pending[k]).length > 0; })[0];
    if (!scaleId) { setStatus(t('saved'), 'text-success'); return; }
    var batch = {};
    Object.keys(pending[scaleId]).forEach(function (no) { batch[no] = pending[scaleId][no]; });
    sending = true;
    setStatus(t('saving'), 'text-muted');
    fetch(api + '/answers', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Accept': 'application/json' },
      body: JSON.stringify({ scaleId: scaleId, answers: batch })
    }).then(function (r) {
      sending = false;
      if (r.ok) {
        Object.keys(batch).forEach(function (no) {
          if (pending[scaleId] && pending[scaleId][no] === batch[no]) { delete pending[scaleId][no]; }
        });
        storePending();
        delay = 2000;
        flush();
      } else if (r.status === 400) {
        // a value the server refuses (never offered by this page): drop it and ask again
        Object.keys(batch).forEach(function (no) { delete pending[scaleId][no]; delete answers[scaleId][no]; });
        storePending();
        setStatus(t('failed'), 'text-danger');
        show(current);
      } else if (r.status === 403 || r.status === 404 || r.status === 409) {
        // closed, submitted elsewhere or no longer valid: nothing left to send; the page says which
        pending = {};
        storePending();
        window.location.replace(doneUrl);
      } else {
        retry();
      }
    }, function () { sending = false; retry(); });
  }
  function retry() {
    setStatus(t('offline'), 'text-warning');
    if (retryTimer) { return; }
    retryTimer = setTimeout(function () { retryTimer = null; flush(); }, delay);
    delay = Math.min(delay * 2, 30000);
  }
  window.addEventListener('online', function () { delay = 2000; if (retryTimer) { clearTimeout(retryTimer); retryTimer = null; } flush(); });

  function choose(s, no, value) {
    answers[s.id][String(no)] = value;
    pending[s.id] = pending[s.id] || {};
    pending[s.id][String(no)] = value;
    storePending();
    flush();
  }

  // ---- screens ----
  var current = 0, advanceTimer = null;
  function button(cls, text, id, onClick) {
    var b = el('button', 'btn ' + cls, text);
    b.type = 'button';
    if (id) { b.id = id; }
    b.addEventListener('click', onClick);
    return b;
  }
  function nav(prevEnabled, nextText, onNext) {
    var row = el('div', 'mg-sa-nav');
    var back = button('btn-outline-secondary btn-lg', t('back'), 'mg-sa-back', function () { show(current - 1); });
    back.disabled = !prevEnabled;
    row.appendChild(back);
    row.appendChild(button('btn-primary btn-lg', nextText, 'mg-sa-next', onNext));
    return row;
  }
  function show(i) {
    if (advanceTimer) { clearTimeout(advanceTimer); advanceTimer = null; }
    current = Math.max(0, Math.min(i, steps.length - 1));
    var step = steps[current];
    screen.innerHTML = '';
    screen.setAttribute('data-step', step.kind === 'item' ? step.scale.id + '-' + step.item.no : step.kind);
    if (step.kind === 'intro') { intro(step); } else if (step.kind === 'item') { item(step); } else { review(); }
    window.scrollTo(0, 0);
  }
  function header(step) {
    var h = el('div', 'mg-sa-head');
    if (scales.length > 1) { h.appendChild(el('div', 'small text-muted', t('scale-of', step.index + 1, scales.length))); }
    h.appendChild(el('h1', 'h5 mb-1', step.scale.name));
    return h;
  }
  function intro(step) {
    screen.appendChild(header(step));
    screen.appendChild(el('p', 'mg-sa-instructions', step.scale.instructions));
    if (step.scale.note) { screen.appendChild(el('p', 'small text-muted', step.scale.note)); }
    screen.appendChild(nav(current > 0, t('begin'), function () { show(current + 1); }));
  }
  function item(step) {
    var s = step.scale, total = s.items.length;
    screen.appendChild(header(step));
    var bar = el('div', 'progress mg-sa-progress');
    bar.setAttribute('role', 'progressbar');
    bar.setAttribute('aria-valuemin', '0');
    bar.setAttribute('aria-valuemax', String(total));
    bar.setAttribute('aria-valuenow', String(step.pos + 1));
    var fill = el('div', 'progress-bar');
    fill.style.width = Math.round(100 * (step.pos + 1) / total) + '%';
    bar.appendChild(fill);
    screen.appendChild(bar);
    screen.appendChild(el('div', 'mg-sa-count small', t('progress', step.pos + 1, total)));
    var q = el('p', 'mg-sa-question', step.item.text);
    q.id = 'mg-sa-question';
    screen.appendChild(q);
    var options = el('div', 'mg-sa-options');
    options.setAttribute('role', 'radiogroup');
    options.setAttribute('aria-labelledby', 'mg-sa-question');
    var chosen = answers[s.id][String(step.item.no)];
    s.options.forEach(function (o) {
      var b = button('btn btn-lg mg-sa-option ' + (chosen === o.value ? 'btn-primary' : 'btn-outline-primary'), o.label,
        null, function () {
          choose(s, step.item.no, o.value);
          Array.prototype.forEach.call(options.children, function (c) {
            c.className = c.className.replace('btn-primary', 'btn-outline-primary');
            c.setAttribute('aria-checked', 'false');
          });
          b.className = b.className.replace('btn-outline-primary', 'btn-primary');
          b.setAttribute('aria-checked', 'true');
          var here = current;
          advanceTimer = setTimeout(function () { if (current === here) { show(current + 1); } }, 250);
        });
      b.setAttribute('role', 'radio');
      b.setAttribute('aria-checked', chosen === o.value ? 'true' : 'false');
      b.setAttribute('data-value', String(o.value));
      options.appendChild(b);
    });
    screen.appendChild(options);
    var last = step.pos === total - 1 && steps[current + 1].kind === 'review';
    screen.appendChild(nav(true, last ? t('review') : t('next'), function () { show(current + 1); }));
  }
  function review() {
    var m = missing();
    screen.appendChild(el('h1', 'h5', t('review-title')));
    if (m.length) {
      screen.appendChild(el('p', 'lead mg-sa-missing', t('missing', m.length)));
      screen.appendChild(el('p', 'small', t('missing-hint')));
      scales.forEach(function (s) {
        var mine = m.filter(function (x) { return x.scale === s; });
        if (!mine.length) { return; }
        if (scales.length > 1) { screen.appendChild(el('div', 'small fw-semibold', s.name)); }
        var links = el('div', 'mg-sa-missing-links');
        mine.forEach(function (x) {
          links.appendChild(button('btn-outline-warning', t('item', x.no), null, function () { show(stepOf(s.id, x.no)); }));
        });
        screen.appendChild(links);
      });
    } else {
      screen.appendChild(el('p', 'lead', t('complete')));
    }
    var row = el('div', 'mg-sa-nav');
    row.appendChild(button('btn-outline-secondary btn-lg', t('back'), 'mg-sa-back', function () { show(current - 1); }));
    var submit = button('btn-success btn-lg', t('submit'), 'mg-sa-submit', submitAll);
    submit.disabled = m.length > 0;
    row.appendChild(submit);
    screen.appendChild(row);
  }

  function submitAll() {
    var submit = document.getElementById('mg-sa-submit');
    submit.disabled = true;
    submit.textContent = t('submitting');
    var waited = 0;
    (function whenSaved() {
      var left = Object.keys(pending).some(function (k) { return Object.keys(pending[k]).length > 0; });
      if (left) {
        flush();
        if (waited > 10000 || retryTimer) { return failed(); }
        waited += 200;
        return setTimeout(whenSaved, 200);
      }
      fetch(api + '/submit', { method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) {
          if (r.ok || r.status === 409 || r.status === 403) {
            var st = storage();
            if (st) { st.removeItem(KEY); }
            window.location.replace(doneUrl);
          } else if (r.status === 400) {
            // the server misses answers this page thought it had: reopen from what the server has
            window.location.reload();
          } else {
            failed();
          }
        }, failed);
    })();
    function failed() {
      setStatus(t('submit-offline'), 'text-warning');
      submit.disabled = false;
      submit.textContent = t('submit');
    }
  }

  // a page restored from the back-forward cache may be stale: ask the server again
  window.addEventListener('pageshow', function (e) { if (e.persisted) { window.location.reload(); } });
  show(resumeStep());
  flush();
})();
