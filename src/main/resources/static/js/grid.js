// Grid page: "select all unassigned" for the assignment form. Delegated, so it keeps working after htmx swaps.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-mg-select-unassigned]');
  if (!button) { return; }
  button.closest('form').querySelectorAll('input[data-unassigned]').forEach(function (box) { box.checked = true; });
});
