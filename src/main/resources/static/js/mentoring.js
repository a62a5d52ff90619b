// The ledger's forms (drafts: mindgrid.js). The home visit shows the record of the chosen kind (the other is hidden
// and disabled, so it is not sent), and when a ticked sign 1 or 6 will escalate the visit urgently whatever is
// chosen, the escalation choice says so at once: 紧急上报 is selected and the other choices are locked until the
// sign is unticked, which brings back what the visitor had chosen.
document.addEventListener('DOMContentLoaded', function () {
  var records = document.querySelectorAll('[data-mg-visit-record]');
  var kinds = document.querySelectorAll('input[name="kind"]');
  var hint = document.getElementById('mg-red-hint');
  var escalate = document.querySelectorAll('input[name="escalate"]');
  var urgent = document.querySelector('input[name="escalate"][value="URGENT"]');
  var chosenBefore = null;

  function showKind() {
    var chosen = document.querySelector('input[name="kind"]:checked');
    if (!chosen) { return; }
    records.forEach(function (r) {
      var on = r.getAttribute('data-mg-visit-record') === chosen.value;
      r.disabled = !on;
      r.classList.toggle('d-none', !on);
    });
  }

  function update() {
    var red = document.querySelector('input[data-mg-red="true"]:checked:not(:disabled)');
    if (hint) { hint.classList.toggle('d-none', !red); }
    if (!urgent) { return; }
    if (red && chosenBefore === null) {
      var current = document.querySelector('input[name="escalate"]:checked');
      chosenBefore = current ? current.value : '';
      urgent.checked = true;
    }
    else if (!red && chosenBefore !== null) {
      escalate.forEach(function (e) { e.checked = e.value === chosenBefore; });
      chosenBefore = null;
    }
    escalate.forEach(function (e) { if (e !== urgent) { e.disabled = !!red; } });
  }

  kinds.forEach(function (k) { k.addEventListener('change', function () { showKind(); update(); }); });
  document.querySelectorAll('input[data-mg-red]').forEach(function (i) { i.addEventListener('change', update); });
  showKind();
  if (hint || urgent) { update(); }
});
