// The ledger's forms: warn when a home visit's answers will escalate urgently. (Drafts: mindgrid.js.)
document.addEventListener('DOMContentLoaded', function () {
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
