// Broadside serve: reloads the page when the site is rebuilt. Added by `broadside:serve` only;
// never part of a built site.
(function () {
  'use strict';
  // The problem lists work without script; with it, they can be put away. A dismissed warnings bar
  // stays away (this tab, sessionStorage) until the warnings change.
  var store = null;
  try {
    store = window.sessionStorage;
  } catch (ignored) {
    store = null;
  }
  ['broadside-warnings', 'broadside-problems'].forEach(function (id) {
    var box = document.getElementById(id);
    var button = box && box.querySelector('.broadside-dismiss');
    if (!button) {
      return;
    }
    var key = box.getAttribute('data-key');
    if (key && store && store.getItem('broadside-dismissed') === key) {
      box.hidden = true;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      box.hidden = true;
      if (key && store) {
        store.setItem('broadside-dismissed', key);
      }
    });
  });
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
