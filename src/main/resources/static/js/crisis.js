// The event page's clock (issue 10 point 2): time since the event started, and the 1-hour report's minutes left or
// over, ticking every second. The server renders the same values, so the page reads right without script.
document.addEventListener('DOMContentLoaded', function () {
  var clock = document.getElementById('crisis-clock');
  if (!clock) { return; }
  var since = Date.parse(clock.getAttribute('data-since'));
  var due = Date.parse(clock.getAttribute('data-due'));
  var elapsed = document.getElementById('crisis-elapsed');
  var left = document.getElementById('crisis-due');
  var running = clock.getAttribute('data-running') === 'true';
  var reportOpen = clock.getAttribute('data-report-open') === 'true';
  function two(n) { return n < 10 ? '0' + n : '' + n; }
  function tick() {
    var now = Date.now();
    if (running && elapsed) {
      var s = Math.max(0, Math.floor((now - since) / 1000));
      elapsed.textContent = two(Math.floor(s / 3600)) + ':' + two(Math.floor(s / 60) % 60) + ':' + two(s % 60);
    }
    if (reportOpen && left) {
      var before = now < due;
      var m = before ? Math.floor((due - now) / 60000) : Math.max(1, Math.floor((now - due) / 60000));
      left.textContent = left.getAttribute(before ? 'data-left' : 'data-over').replace('{0}', m);
      left.classList.toggle('mg-late', !before);
    }
  }
  tick();
  setInterval(tick, 1000);
});
