// The ledger's forms: keep a draft in this browser while typing (a bell between lessons must not cost the notes),
// and warn when a home visit's answers will escalate urgently.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('form[data-mg-draft]').forEach(function (form) {
    // MindGridDrafts (mindgrid.js) keys drafts by the signed-in user and forgets them after 24 h and on logout.
    var name = form.getAttribute('data-mg-draft');
    var fields = form.querySelectorAll('input[name]:not([type=hidden]), textarea[name], select[name]');
    var saved = MindGridDrafts.load(name);
    var untouched = !form.querySelector('.is-invalid, .alert-danger');
    if (saved && untouched) {
      fields.forEach(function (f) {
        var v = saved[f.name + (f.type === 'checkbox' || f.type === 'radio' ? '=' + f.value : '')];
        if (v === undefined) { return; }
        if (f.type === 'checkbox' || f.type === 'radio') { f.checked = v; } else if (!f.value || f.defaultValue === f.value) { f.value = v; }
      });
    }
    function store() {
      var data = {};
      fields.forEach(function (f) {
        if (f.type === 'checkbox' || f.type === 'radio') { data[f.name + '=' + f.value] = f.checked; } else { data[f.name] = f.value; }
      });
      MindGridDrafts.save(name, data);
    }
    form.addEventListener('input', store);
    form.addEventListener('change', store);
    form.addEventListener('submit', function () { MindGridDrafts.remove(name); });
  });
  var hint = document.getElementById('mg-red-hint');
  if (hint) {
    var update = function () {
      var red = document.querySelector('input[data-mg-red="true"]:checked');
      hint.classList.toggle('d-none', !red);
    };
    document.querySelectorAll('input[data-mg-red]').forEach(function (i) { i.addEventListener('change', update); });
    update();
  }
});
