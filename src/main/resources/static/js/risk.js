// Risk phrases as they are typed (issue 7, point 14): after a pause in typing, the form's free text goes to the
// server, which answers the banner (escaped, from the message bundles). A failed or expired request changes nothing:
// the banner is a prompt, never a block.
(function () {
  function setup(box) {
    var form = box.closest('form');
    if (!form) { return; }
    var timer = null;
    var last = null;
    function check() {
      var body = new URLSearchParams();
      form.querySelectorAll('textarea, input[type="text"]').forEach(function (el) {
        if (el.name && el.value) { body.append('text', el.value); }
      });
      var student = box.getAttribute('data-student') || (form.elements.studentId ? form.elements.studentId.value : '');
      if (student) { body.append('studentId', student); }
      var key = body.toString();
      if (key === last) { return; }
      last = key;
      var headers = { 'HX-Request': 'true' };
      var token = document.querySelector('meta[name="_csrf"]');
      var header = document.querySelector('meta[name="_csrf_header"]');
      if (token && header) { headers[header.content] = token.content; }
      fetch(box.getAttribute('data-check-url'), { method: 'POST', headers: headers, body: body,
        credentials: 'same-origin', redirect: 'manual' })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) { if (html !== null) { box.innerHTML = html; } })
        .catch(function () { last = null; });
    }
    form.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(check, 400);
    });
    form.addEventListener('change', function () {
      clearTimeout(timer);
      timer = setTimeout(check, 400);
    });
    // A draft restored into the form (mindgrid.js) is checked too.
    setTimeout(check, 300);
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-mg-risk]').forEach(setup);
  });
})();
