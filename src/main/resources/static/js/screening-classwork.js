// The head teacher's rating grid (screening/classwork/class.html). Each cell is saved on its own through the page's
// endpoint with the page's session and CSRF token; typing an allowed value saves it and moves on, arrows move, Tab
// works as usual. A cell shows saving / saved / failed; failed cells keep their value and can be retried.
(function () {
  function csrfHeaders() {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { headers[header.getAttribute('content')] = token.getAttribute('content'); }
    return headers;
  }
  function format(template, args) {
    return String(template || '').replace(/\{(\d+)\}/g, function (m, i) { return args[i] === undefined ? '' : args[i]; });
  }
  function post(url, body) {
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: csrfHeaders(), body: JSON.stringify(body) })
      .then(function (r) {
        return r.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          if (r.redirected && r.url.indexOf('/login') >= 0) {
            throw new Error(document.querySelector('table.cw-grid').getAttribute('data-msg-session'));
          }
          if (!r.ok) {
            var detail = json && json.detail ? json.detail : ('HTTP ' + r.status);
            if (json && json.errors) { detail = Object.keys(json.errors).map(function (k) { return json.errors[k]; }).join(' '); }
            throw new Error(detail);
          }
          if (json === null) { throw new Error('HTTP ' + r.status); }
          return json;
        });
      });
  }

  function setup(table) {
    var keys = table.getAttribute('data-keys') || '012';
    var items = parseInt(table.getAttribute('data-items'), 10);
    var scale = table.getAttribute('data-scale');
    var section = table.closest('section');
    var bar = section.querySelector('.cw-itembar');
    var retry = section.querySelector('.cw-retry');
    var headers = Array.prototype.slice.call(table.querySelectorAll('thead tr.cw-items th'));
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var grid = rows.map(function (tr) { return Array.prototype.slice.call(tr.querySelectorAll('td input')); });

    grid.forEach(function (cells, r) {
      var name = rows[r].getAttribute('data-name');
      cells.forEach(function (input, c) {
        input.setAttribute('inputmode', 'numeric');
        input.setAttribute('autocomplete', 'off');
        input.setAttribute('maxlength', '1');
        input.setAttribute('aria-label', name + ' ' + headers[c].textContent.replace('!', ''));
        input.dataset.row = r;
        input.dataset.col = c;
        input.dataset.saved = input.value;
        if (input.value !== '' && !input.disabled) { input.parentElement.classList.add('cw-saved'); }
      });
    });

    function cellAt(r, c) { return grid[r] && grid[r][c]; }
    function focusCell(r, c) {
      if (r < 0 || r >= grid.length) { return false; }
      var input = cellAt(r, c);
      if (!input) { return false; }
      input.focus();
      input.select();
      return true;
    }
    function next(r, c) {
      if (c + 1 < grid[r].length) { return focusCell(r, c + 1); }
      for (var n = r + 1; n < grid.length; n++) {
        if (grid[n][0] && !grid[n][0].disabled) { return focusCell(n, 0); }
      }
      return false;
    }
    function vertical(r, c, dir) {
      for (var n = r + dir; n >= 0 && n < grid.length; n += dir) {
        if (grid[n][c] && !grid[n][c].disabled) { return focusCell(n, c); }
      }
      return false;
    }
    function horizontal(r, c, dir) {
      var n = c + dir;
      if (n >= 0 && n < grid[r].length) { return focusCell(r, n); }
      return false;
    }

    function count(tr) {
      var cells = grid[rows.indexOf(tr)];
      var saved = cells.filter(function (i) { return i.dataset.saved !== ''; }).length;
      return saved;
    }
    // saves answer out of order: the count only grows (the server's count may include another device's answers)
    function refreshRow(tr, answered) {
      var known = Math.max(parseInt(tr.dataset.answered || '0', 10), answered || 0);
      tr.dataset.answered = known;
      var n = Math.max(known, count(tr));
      tr.querySelector('.cw-count').textContent = n;
      var button = tr.querySelector('.cw-submit');
      if (button) { button.disabled = n < items; }
    }
    function refreshRetry() {
      if (retry) { retry.hidden = !table.querySelector('td.cw-failed'); }
    }

    function save(input) {
      var tr = input.closest('tr');
      var td = input.parentElement;
      var value = input.value;
      var answers = {};
      answers[input.getAttribute('data-item')] = parseInt(value, 10);
      td.classList.remove('cw-saved', 'cw-failed');
      td.classList.add('cw-saving');
      td.title = table.getAttribute('data-msg-saving');
      var seq = (parseInt(input.dataset.seq || '0', 10) + 1);
      input.dataset.seq = seq;
      return post(table.getAttribute('data-save-url'),
        { studentId: parseInt(tr.getAttribute('data-student'), 10), scaleId: scale, answers: answers })
        .then(function (saved) {
          if (String(seq) !== input.dataset.seq) { return; }
          input.dataset.saved = value;
          td.classList.remove('cw-saving');
          td.classList.add('cw-saved');
          td.title = table.getAttribute('data-msg-saved');
          refreshRow(tr, saved.answered);
          refreshRetry();
        })
        .catch(function (error) {
          if (String(seq) !== input.dataset.seq) { return; }
          td.classList.remove('cw-saving');
          td.classList.add('cw-failed');
          td.title = format(table.getAttribute('data-msg-failed'), [error.message]);
          refreshRetry();
        });
    }

    function show(input) {
      var r = parseInt(input.dataset.row, 10), c = parseInt(input.dataset.col, 10);
      headers.forEach(function (h, i) { h.classList.toggle('cw-focus', i === c); });
      rows.forEach(function (tr, i) { tr.classList.toggle('cw-row-focus', i === r); });
      var td = input.parentElement;
      var status = td.classList.contains('cw-failed') ? ' — ' + td.title : '';
      bar.textContent = format(table.getAttribute('data-msg-item'),
        [rows[r].getAttribute('data-name'), input.getAttribute('data-item'), headers[c].getAttribute('data-text')]) + status;
    }

    table.addEventListener('focusin', function (event) {
      if (event.target.matches('td input')) { show(event.target); }
    });
    table.addEventListener('keydown', function (event) {
      var input = event.target;
      if (!input.matches('td input')) { return; }
      var r = parseInt(input.dataset.row, 10), c = parseInt(input.dataset.col, 10);
      var key = event.key;
      if (event.ctrlKey || event.metaKey || event.altKey) { return; }
      if (key.length === 1 && keys.indexOf(key) >= 0) {
        event.preventDefault();
        input.value = key;
        save(input);
        next(r, c);
      }
      else if (key === 'ArrowRight') { event.preventDefault(); horizontal(r, c, 1); }
      else if (key === 'ArrowLeft') { event.preventDefault(); horizontal(r, c, -1); }
      else if (key === 'ArrowDown' || key === 'Enter') { event.preventDefault(); vertical(r, c, 1); }
      else if (key === 'ArrowUp') { event.preventDefault(); vertical(r, c, -1); }
      else if (key === 'Home') { event.preventDefault(); focusCell(r, 0); }
      else if (key === 'End') { event.preventDefault(); focusCell(r, grid[r].length - 1); }
      else if (key.length === 1) { event.preventDefault(); }
      else if (key === 'Backspace' || key === 'Delete') {
        // a saved answer cannot be taken back, only changed: keep what is saved
        event.preventDefault();
      }
    });
    // phones and input methods: the value arrives through input events
    table.addEventListener('input', function (event) {
      var input = event.target;
      if (!input.matches('td input')) { return; }
      var v = input.value.replace(/[０-９]/g, function (d) { return String.fromCharCode(d.charCodeAt(0) - 0xFEE0); }).slice(-1);
      if (keys.indexOf(v) >= 0 && v !== '') {
        input.value = v;
        save(input);
        next(parseInt(input.dataset.row, 10), parseInt(input.dataset.col, 10));
      }
      else {
        input.value = input.dataset.saved;
      }
    });

    function note(cell, text) {
      var span = cell.querySelector('.cw-submit-error') || document.createElement('span');
      span.className = 'cw-submit-error small text-danger d-block';
      span.setAttribute('role', 'alert');
      span.textContent = text;
      cell.appendChild(span);
    }
    table.addEventListener('click', function (event) {
      var button = event.target.closest('.cw-submit');
      if (!button) { return; }
      var tr = button.closest('tr');
      var cell = button.parentElement;
      if (tr.querySelector('td.cw-saving, td.cw-failed')) {
        note(cell, table.getAttribute('data-msg-incomplete'));
        return;
      }
      var label = button.textContent;
      button.disabled = true;
      button.textContent = table.getAttribute('data-msg-submitting');
      post(table.getAttribute('data-submit-url'), { studentId: parseInt(tr.getAttribute('data-student'), 10), scaleId: scale })
        .then(function (score) {
          var result = document.createElement('span');
          result.className = 'cw-result small';
          result.setAttribute('role', 'status');
          result.textContent = score.summary;
          cell.replaceChildren(result);
          tr.classList.add('cw-submitted');
          grid[rows.indexOf(tr)].forEach(function (i) { i.disabled = true; });
        })
        .catch(function (error) {
          button.disabled = false;
          button.textContent = label;
          note(cell, format(table.getAttribute('data-msg-submit-failed'), [error.message]));
        });
    });

    if (retry) {
      retry.addEventListener('click', function () {
        // after signing in again the session (and its CSRF token) is new: take the token from a fresh copy of the page
        fetch(window.location.pathname, { credentials: 'same-origin', cache: 'no-store' })
          .then(function (r) { return r.ok && !r.redirected ? r.text() : ''; })
          .catch(function () { return ''; })
          .then(function (html) {
            var m = /<meta name="_csrf" content="([^"]+)"/.exec(html || '');
            var meta = document.querySelector('meta[name="_csrf"]');
            if (m && meta) { meta.setAttribute('content', m[1]); }
            table.querySelectorAll('td.cw-failed input').forEach(function (input) { if (input.value !== '') { save(input); } });
          });
      });
    }
  }

  function init() { document.querySelectorAll('table.cw-grid').forEach(setup); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
