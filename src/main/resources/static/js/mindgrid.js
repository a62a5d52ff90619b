// Small behaviours without inline scripts (CSP forbids them): menu toggle and CSRF header for htmx.
document.addEventListener('DOMContentLoaded', function () {
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
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { event.detail.headers[header.content] = token.content; }
});
