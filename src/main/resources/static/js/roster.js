// Roster page: when the upload itself fails (file too large, session expired), say so in the result area,
// because htmx does not swap error responses.
document.addEventListener('htmx:responseError', function (event) {
  var form = document.getElementById('roster-form');
  var target = document.getElementById('roster-result');
  if (!form || !target || event.detail.elt !== form) { return; }
  var alert = document.createElement('div');
  alert.className = 'alert alert-danger';
  alert.textContent = form.getAttribute('data-mg-error');
  target.replaceChildren(alert);
});
