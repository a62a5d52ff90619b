// Workbook forms (issue 13 point 4): a draft is kept in this browser as the teacher types, so a dropped connection
// or a closed tab loses nothing; restored on the next visit of an empty form, cleared once the record is saved.
(function () {
  'use strict';
  function fields(form) {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === '_csrf') { return; }
      if (el.type === 'checkbox' || el.type === 'radio') {
        if (el.checked) { (data[el.name] = data[el.name] || []).push(el.value); }
      } else if (el.value) {
        data[el.name] = [el.value];
      }
    });
    return data;
  }
  function restore(form, data) {
    Array.prototype.forEach.call(form.elements, function (el) {
      var v = data[el.name];
      if (!v) { return; }
      if (el.type === 'checkbox' || el.type === 'radio') { el.checked = v.indexOf(el.value) >= 0; }
      else if (el.tagName !== 'BUTTON') { el.value = v[0]; }
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var saved = document.querySelector('[data-clear-draft]');
    if (saved) { try { localStorage.removeItem(saved.getAttribute('data-clear-draft')); } catch (e) { /* private mode */ } }
    var form = document.getElementById('workbook-form');
    if (!form) { return; }
    var key = form.getAttribute('data-draft-key');
    try {
      var draft = localStorage.getItem(key);
      if (draft && form.getAttribute('data-fresh') === 'true') {
        restore(form, JSON.parse(draft));
        document.getElementById('draft-restored').classList.remove('d-none');
      }
    } catch (e) { /* no storage: the form still works */ }
    form.addEventListener('input', function () {
      try { localStorage.setItem(key, JSON.stringify(fields(form))); } catch (e) { /* full or private */ }
    });
  });
})();
