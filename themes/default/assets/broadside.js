/* Broadside: the one first-party script. It only enhances: every form posts and every link works without it.
   Forms: fetch submit, inline status, error summary, no double submit, honeypot and minimum fill time;
   source codes (?source=, utm_*) copied from the address into hidden fields; success only when confirmed.
   Counters: live count from the provider's count URL, never below the page's own number (a floor).
   Quick exit: covers the page at once; Shift pressed 3 times within 5 s also leaves. Share: copy link.
   Everything it needs comes from data-bs-* attributes written by the theme; no inline script or style. */
(function () {
  'use strict';

  /* Sets value at a JSON pointer (RFC 6901) in obj, making objects, or arrays for numeric segments. */
  function setAt(obj, pointer, value) {
    var parts = pointer.split('/').slice(1).map(function (p) {
      return p.replace(/~1/g, '/').replace(/~0/g, '~');
    });
    var cur = obj;
    for (var i = 0; i < parts.length - 1; i++) {
      var next = cur[parts[i]];
      if (next === null || typeof next !== 'object') {
        next = /^\d+$/.test(parts[i + 1]) ? [] : {};
        cur[parts[i]] = next;
      }
      cur = next;
    }
    cur[parts[parts.length - 1]] = value;
    return obj;
  }

  function getAt(obj, pointer) {
    if (!pointer) return obj;
    var parts = pointer.split('/').slice(1);
    for (var i = 0; i < parts.length && obj != null; i++) {
      obj = obj[parts[i].replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return obj;
  }

  /* The JSON body: a copy of base with each [pointer, value] entry written into it. */
  function jsonBody(base, entries) {
    var body;
    try { body = JSON.parse(base || '{}'); } catch (e) { body = {}; }
    entries.forEach(function (e) { setAt(body, e[0], e[1]); });
    return body;
  }

  if (typeof document === 'undefined') {
    if (typeof module === 'object' && module.exports) module.exports = { jsonBody: jsonBody, getAt: getAt };
    return;
  }

  var doc = document;
  var root = doc.documentElement;
  var lang = root.lang || 'en';
  var loaded = Date.now();
  root.classList.add('js');

  function data(el, name) { return el.getAttribute('data-bs-' + name) || ''; }

  function byId(id) { return id ? doc.getElementById(id) : null; }

  /* ---- Forms ---- */

  function fieldsOf(form) {
    return Array.prototype.filter.call(form.elements, function (el) { return el.hasAttribute('data-bs-field'); });
  }

  function errorFor(el) {
    if (el.disabled) return '';
    var value = el.type === 'checkbox' ? (el.checked ? 'on' : '') : el.value.trim();
    if (el.required && !value) return data(el, 'missing');
    if (value && el.validity && el.validity.typeMismatch) return data(el, 'invalid') || data(el, 'missing');
    return '';
  }

  function showErrors(form, errors) {
    var summary = byId(form.id + '-errors');
    var list = summary.querySelector('ul');
    while (list.firstChild) list.removeChild(list.firstChild);
    fieldsOf(form).forEach(function (el) {
      var message = errors[el.id] || '';
      var holder = byId(el.id + '-error');
      if (holder) {
        holder.textContent = message;
        holder.hidden = !message;
      }
      if (message) el.setAttribute('aria-invalid', 'true'); else el.removeAttribute('aria-invalid');
      el.closest('.field').classList.toggle('field-has-error', !!message);
      if (message) {
        var link = doc.createElement('a');
        link.href = '#' + el.id;
        link.textContent = message;
        link.addEventListener('click', function (e) { e.preventDefault(); el.focus(); });
        var item = doc.createElement('li');
        item.appendChild(link);
        list.appendChild(item);
      }
    });
    summary.hidden = !list.firstChild;
    if (list.firstChild) summary.focus();
  }

  function entries(form, json) {
    var out = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.type === 'submit' || el.type === 'button') return;
      if (el.type === 'checkbox' && !el.checked) return;
      var value = data(el, 'format') === 'digits' ? el.value.replace(/\D+/g, '') : el.value;
      if (json) {
        var pointer = data(el, 'json');
        if (pointer && !(el.hasAttribute('data-bs-query') && !value)) out.push([pointer, value]);
      } else {
        out.push([el.name, value]);
      }
    });
    return out;
  }

  /* Source codes: what the page address says brought the signer here, kept in the form only (no storage). */
  function fillFromQuery(form) {
    var query = new URLSearchParams(window.location.search);
    Array.prototype.forEach.call(form.querySelectorAll('input[data-bs-query]'), function (el) {
      var value = query.get(data(el, 'query'));
      if (value) el.value = value.slice(0, 200);
    });
  }

  /* Field errors a provider reported (Formspree: {errors: [{field, message}]}), by input name; true if any. */
  function providerErrors(form, body) {
    var errors = {};
    var any = false;
    (body && Array.isArray(body.errors) ? body.errors : []).forEach(function (e) {
      var el = e && e.field ? form.querySelector('[data-bs-field][name="' + String(e.field).replace(/["\\]/g, '') + '"]') : null;
      if (el && e.message) { errors[el.id] = String(e.message); any = true; }
    });
    if (any) showErrors(form, errors);
    return any;
  }

  function enhanceForm(form) {
    if (window.URLSearchParams) fillFromQuery(form);
    if (!window.fetch || form.closest('fieldset[disabled]') || form.querySelector('fieldset[disabled]')) return;
    var status = byId(form.id + '-status');
    var success = byId(form.id + '-success');
    var button = form.querySelector('[type=submit]');
    var honeypot = byId(data(form, 'honeypot'));
    var minMs = (parseInt(data(form, 'min-seconds'), 10) || 0) * 1000;
    var json = data(form, 'encoding') === 'json';
    var response = data(form, 'response');
    var busy = false;
    var warnedFast = false;
    form.noValidate = true;

    function say(text) { status.textContent = text; }

    function done(message) {
      say(message || data(form, 'msg-success'));
      form.hidden = true;
      if (success) { success.hidden = false; success.focus(); }
      var counter = form.closest('.action') && form.closest('.action').querySelector('[data-bs-count-url]');
      if (counter) refreshCount(counter);
    }

    function fail(message) {
      busy = false;
      button.removeAttribute('aria-disabled');
      form.removeAttribute('aria-busy');
      say(message);
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (busy) return; // a double click sends once
      var errors = {};
      var any = false;
      fieldsOf(form).forEach(function (el) {
        var message = errorFor(el);
        if (message) { errors[el.id] = message; any = true; }
      });
      showErrors(form, errors);
      if (any) { say(''); return; }
      if (honeypot && honeypot.value) { done(); return; } // a bot: let it believe it worked
      if (Date.now() - loaded < minMs && !warnedFast) { warnedFast = true; say(data(form, 'msg-too-fast')); return; }
      busy = true;
      button.setAttribute('aria-disabled', 'true');
      form.setAttribute('aria-busy', 'true');
      say(data(form, 'msg-sending'));
      var init = { method: 'POST', credentials: 'omit', headers: {} };
      var pairs = entries(form, json);
      if (json) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(jsonBody(data(form, 'json-base'), pairs));
      } else {
        init.body = new URLSearchParams(pairs);
      }
      if (response === 'json') init.headers.Accept = 'application/json';
      if (response === 'opaque') init.mode = 'no-cors';
      fetch(form.getAttribute('action'), init).then(function (res) {
        // An opaque answer says only that the request left: "sent", never "recorded".
        if (response === 'opaque') { done(data(form, 'msg-sent')); return; }
        if (response !== 'json') { if (res.ok) done(); else fail(data(form, 'msg-failure')); return; }
        return res.json().then(null, function () { return null; }).then(function (body) {
          if (res.ok && !(body && body.ok === false)) done();
          else fail(data(form, providerErrors(form, body) ? 'msg-field-errors' : 'msg-failure'));
        });
      }, function () {
        // Offline: nothing left the browser. Otherwise the request may have arrived (a receiver that
        // took it but sent no CORS headers looks the same): say so rather than invite a second signature.
        fail(data(form, navigator.onLine === false ? 'msg-network' : 'msg-unconfirmed'));
      });
    });
  }

  /* ---- Live counters ---- */

  function showCount(el, n) {
    var text = el.querySelector('[data-bs-count-text]');
    var template = n === 0 && el.hasAttribute('data-bs-count-0') ? data(el, 'count-0') : '';
    if (!template) {
      var category = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang).select(n) : 'other';
      template = data(el, 'count-' + category) || data(el, 'count-other');
    }
    if (!template || !text) return;
    var shown = window.Intl ? new Intl.NumberFormat(lang).format(n) : String(n);
    text.textContent = template.replace('{n}', shown);
    var bar = el.querySelector('progress');
    if (bar) {
      bar.value = Math.min(n, bar.max);
      bar.textContent = Math.floor(100 * bar.value / bar.max) + '%';
    }
  }

  function refreshCount(el) {
    fetch(data(el, 'count-url'), { credentials: 'omit', headers: { Accept: 'application/json' } })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (body) {
        var n = Number(getAt(body, data(el, 'count-pointer')));
        // The page's own number is a floor: signatures gathered elsewhere are never taken away.
        if (body !== null && isFinite(n) && n >= 0 && Math.floor(n) === n) {
          showCount(el, Math.max(n, parseInt(data(el, 'count-floor'), 10) || 0));
        }
      })
      .catch(function () { /* keep the static number */ });
  }

  /* ---- Quick exit ---- */

  function quickExit(link) {
    function leave(e) {
      if (e) e.preventDefault();
      root.classList.add('bs-exiting'); // cover the page before the next one loads
      window.location.replace(link.href); // and leave no history entry to come back to
    }
    link.addEventListener('click', leave);
    var presses = [];
    doc.addEventListener('keydown', function (e) {
      if (e.key !== 'Shift') presses = []; // Shift+letter while typing capitals does not count
    });
    doc.addEventListener('keyup', function (e) {
      if (e.key !== 'Shift') return;
      var now = Date.now();
      presses = presses.filter(function (t) { return now - t < 5000; });
      presses.push(now);
      if (presses.length >= 3) leave();
    });
  }

  /* ---- Copy link ---- */

  function copyButton(button) {
    var input = byId(data(button, 'copy'));
    if (!input || !navigator.clipboard) return;
    // one slot beside the link box: the browser's share sheet takes it where there is one (it offers copy too)
    if (navigator.share && button.parentNode.querySelector('[data-bs-share]')) return;
    var status = button.closest('.share') && button.closest('.share').querySelector('.share-status');
    var label = button.querySelector('[data-bs-copy-label]') || button;
    var original = label.textContent;
    var timer = 0;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(input.value).then(function () {
        // said twice on purpose: the button shows it, the status region announces it
        if (status) status.textContent = data(button, 'copied');
        label.textContent = data(button, 'copied');
        button.classList.add('is-done');
        clearTimeout(timer);
        timer = setTimeout(function () {
          label.textContent = original;
          button.classList.remove('is-done');
        }, 3000);
      }, function () { input.select(); });
    });
  }

  /* ---- Native share sheet, where the browser has one ---- */

  function shareButton(button) {
    if (!navigator.share) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.share({ title: data(button, 'share-title'), url: data(button, 'share-url') })
        .catch(function () { /* closed without sharing */ });
    });
  }

  /* ---- Jump link: to the form, opening its step, with the focus in its first field ---- */

  function jumpLink(link) {
    var form = byId(data(link, 'jump'));
    if (!form) return;
    link.addEventListener('click', function (e) {
      for (var d = form.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
      var first = Array.prototype.filter.call(form.querySelectorAll('[data-bs-field]'), function (el) {
        return el.getClientRects().length > 0;
      })[0];
      if (!first) return; // the plain link still scrolls to the form
      e.preventDefault();
      first.focus();
      first.scrollIntoView({ block: 'center' });
    });
  }

  function each(selector, fn) { Array.prototype.forEach.call(doc.querySelectorAll(selector), fn); }

  each('form[data-bs-form]', enhanceForm);
  if (window.fetch) each('[data-bs-count-url]', refreshCount);
  each('[data-bs-quick-exit]', quickExit);
  each('[data-bs-copy]', copyButton);
  each('[data-bs-jump]', jumpLink);
  each('[data-bs-share]', shareButton);
}());
