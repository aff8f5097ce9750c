// Broadside serve: reloads the page when the site is rebuilt. Added by `broadside:serve` only;
// never part of a built site.
(function () {
  'use strict';
  if (!window.EventSource) {
    return;
  }
  var here = location.pathname.replace(/index\.html$/, '');
  var seen = null;
  var source = new EventSource('/_broadside/events');
  source.addEventListener('hello', function (event) {
    // After a reconnect (serve restarted, laptop woke up) reload if a build happened meanwhile.
    if (seen !== null && seen !== event.data) {
      location.reload();
    }
    seen = event.data;
  });
  source.addEventListener('reload', function (event) {
    if (seen !== null && event.lastEventId) {
      seen = seen.split(':')[0] + ':' + event.lastEventId;
    }
    var change = {};
    try {
      change = JSON.parse(event.data);
    } catch (ignored) {
      change = { all: true };
    }
    if (change.all || (change.paths || []).indexOf(here) >= 0) {
      location.reload();
    }
  });
})();
