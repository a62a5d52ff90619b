// Growth archive page (one form per section): add and remove table rows (family members, school history, life events) on a phone.
// Rows are renumbered after every change so the server sees familyMembers[0..n]; blank rows are ignored there.
(function () {
  function renumber(container) {
    container.querySelectorAll('.mg-row').forEach(function (row, index) {
      row.querySelectorAll('[name]').forEach(function (field) {
        field.name = field.name.replace(/\[(\d+|__i__)\]/, '[' + index + ']');
      });
    });
  }

  document.addEventListener('click', function (event) {
    var add = event.target.closest('[data-mg-add-row]');
    if (add) {
      var kind = add.getAttribute('data-mg-add-row');
      var container = document.querySelector('[data-mg-rows="' + kind + '"]');
      var template = document.getElementById('mg-tpl-' + kind);
      if (!container || !template) { return; }
      var row = template.content.firstElementChild.cloneNode(true);
      container.appendChild(row);
      renumber(container);
      var first = row.querySelector('input, textarea, select');
      if (first) { first.focus(); }
      return;
    }
    var remove = event.target.closest('[data-mg-remove-row]');
    if (remove) {
      var rowToRemove = remove.closest('.mg-row');
      var rows = rowToRemove.parentElement;
      rowToRemove.remove();
      renumber(rows);
    }
  });

  // Sections fold away on a phone (one at a time keeps the page short); on a desk they are all open.
  document.addEventListener('DOMContentLoaded', function () {
    if (window.matchMedia('(min-width: 768px)').matches) {
      document.querySelectorAll('details.mg-archive-section').forEach(function (d) { d.open = true; });
    }
  });
})();
