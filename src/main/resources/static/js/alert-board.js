// The live alert board (/alerts): server-sent events name the alerts that changed; the board asks for just those rows
// and replaces, inserts or removes each one in place. A row whose form someone is typing in is never replaced under
// them: it is marked as changed, with a button to show the latest. After the stream (re)connects, or when the server
// says "all", the whole board is read again and reconciled row by row the same way. One request at a time: alerts
// named while one is in flight are asked for together in the next, so a burst of changes is one or two requests.
(function () {
  'use strict';

  const MOST_IDS = 200;

  function start() {
    const board = document.getElementById('board');
    if (!board || !window.EventSource) {
      return;
    }
    const rows = board.querySelector('tbody[data-rows]');
    const table = board.querySelector('table[data-testid="alerts"]');
    const empty = board.querySelector('[data-no-alerts]');
    const served = new Map(); // alert id -> the row's HTML as the server last sent it
    const waiting = new Map(); // alert id -> the newer row (or null: gone) held back while its form is being typed in
    let askFor = new Set();
    let askForAll = false;
    let busy = false;
    let retry = null;

    // What a row says, to tell a changed row from the same one sent again: its HTML without the CSRF token, which
    // Spring Security masks afresh on every render.
    function fingerprint(row) {
      const copy = row.cloneNode(true);
      copy.querySelectorAll('input[type=hidden]').forEach(function (input) { input.removeAttribute('value'); });
      copy.classList.remove('hw-alert-row--changed');
      return copy.outerHTML;
    }

    rows.querySelectorAll('tr[data-alert-id]').forEach(function (row) { served.set(row.dataset.alertId, fingerprint(row)); });
    board.dataset.updates = '0';

    function url(base, extra) {
      return base + (base.indexOf('?') < 0 ? '?' : '&') + extra;
    }

    function request(ids) {
      if (ids === 'all') {
        askForAll = true;
      } else {
        ids.forEach(function (id) { askFor.add(id); });
        if (askFor.size > MOST_IDS) {
          askForAll = true;
        }
      }
      pump();
    }

    function pump() {
      if (busy || (!askForAll && askFor.size === 0)) {
        return;
      }
      busy = true;
      const all = askForAll;
      const ids = Array.from(askFor);
      askForAll = false;
      askFor = new Set();
      const target = all ? board.dataset.rowsUrl : url(board.dataset.changesUrl, 'ids=' + ids.join(','));
      fetch(target, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
        .then(function (response) {
          if (!response.ok) {
            throw new Error('alert board update: ' + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          apply(new DOMParser().parseFromString(html, 'text/html'), all ? null : ids);
          board.dataset.updates = String(Number(board.dataset.updates) + 1);
        })
        .catch(function () {
          // nothing is lost: read the whole board again shortly
          askForAll = true;
          clearTimeout(retry);
          retry = setTimeout(pump, 3000);
        })
        .finally(function () {
          busy = false;
          if (!retry) {
            pump();
          }
        });
    }

    function apply(doc, ids) {
      const summary = doc.querySelector('[data-board-summary]');
      const current = board.querySelector('[data-board-summary]');
      if (summary && current) {
        current.replaceWith(document.importNode(summary, true));
      }
      retry = null;
      const fresh = new Map();
      doc.querySelectorAll('tbody[data-rows] > tr[data-alert-id]').forEach(function (row) {
        fresh.set(row.dataset.alertId, row);
      });
      const asked = ids ? ids : Array.from(rows.querySelectorAll('tr[data-alert-id]')).map(function (r) { return r.dataset.alertId; });
      asked.forEach(function (id) {
        if (!fresh.has(id)) {
          remove(id);
        }
      });
      fresh.forEach(function (row, id) { put(id, row); });
      const none = rows.querySelectorAll('tr[data-alert-id]').length === 0;
      table.hidden = none;
      empty.hidden = !none;
    }

    function existing(id) {
      return rows.querySelector('tr[data-alert-id="' + CSS.escape(id) + '"]');
    }

    function put(id, row) {
      const html = fingerprint(row);
      const shown = existing(id);
      if (shown && served.get(id) === html && !waiting.has(id)) {
        return;
      }
      if (shown && beingTypedIn(shown)) {
        holdBack(shown, id, row);
        return;
      }
      const node = document.importNode(row, true);
      if (shown) {
        shown.remove();
      }
      insertInOrder(node);
      served.set(id, html);
      waiting.delete(id);
    }

    function remove(id) {
      const shown = existing(id);
      if (!shown) {
        return;
      }
      if (beingTypedIn(shown)) {
        holdBack(shown, id, null);
        return;
      }
      shown.remove();
      served.delete(id);
      waiting.delete(id);
    }

    function insertInOrder(node) {
      const order = node.dataset.order;
      const after = Array.from(rows.querySelectorAll('tr[data-alert-id]')).find(function (r) { return r.dataset.order > order; });
      rows.insertBefore(node, after || null);
    }

    // Someone is typing in this row: the focus is in it, or a field differs from what the server sent.
    function beingTypedIn(row) {
      if (row.contains(document.activeElement) && document.activeElement.matches('input, select, textarea')) {
        return true;
      }
      return Array.from(row.querySelectorAll('input:not([type=hidden]), textarea, select')).some(function (field) {
        if (field.tagName === 'SELECT') {
          return Array.from(field.options).some(function (o) { return o.selected !== o.defaultSelected; });
        }
        return field.value !== field.defaultValue;
      });
    }

    function holdBack(shown, id, row) {
      waiting.set(id, row);
      shown.classList.add('hw-alert-row--changed');
      const slot = shown.querySelector('.hw-row-notice-slot');
      if (!slot) {
        return;
      }
      slot.textContent = '';
      const notice = document.createElement('div');
      notice.className = 'hw-row-notice';
      notice.setAttribute('role', 'status');
      notice.dataset.testid = 'row-changed';
      const text = document.createElement('p');
      text.className = 'nhsuk-body-s';
      text.textContent = row
        ? 'This alert changed while you were typing (now: ' + row.dataset.summary + '). What you typed is kept.'
        : 'This alert was closed or no longer matches your filters. What you typed is kept.';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small';
      button.dataset.showLatest = id;
      button.textContent = row ? 'Show the latest' : 'Remove this alert';
      notice.appendChild(text);
      notice.appendChild(button);
      slot.appendChild(notice);
    }

    // "Show the latest" / "Remove this alert": the user lets go of what they typed
    board.addEventListener('click', function (event) {
      const button = event.target.closest ? event.target.closest('[data-show-latest]') : null;
      if (!button) {
        return;
      }
      const id = button.dataset.showLatest;
      const shown = existing(id);
      const row = waiting.get(id);
      waiting.delete(id);
      if (shown) {
        shown.remove();
      }
      served.delete(id);
      if (row) {
        insertInOrder(document.importNode(row, true));
        served.set(id, fingerprint(row));
      }
      const none = rows.querySelectorAll('tr[data-alert-id]').length === 0;
      table.hidden = none;
      empty.hidden = !none;
    });

    // a row held back is brought up to date once nobody is typing in it any more (its field left empty)
    board.addEventListener('focusout', function () {
      setTimeout(function () {
        Array.from(waiting.keys()).forEach(function (id) {
          const shown = existing(id);
          if (shown && !beingTypedIn(shown)) {
            const row = waiting.get(id);
            if (row) {
              put(id, row);
            } else {
              remove(id);
            }
          }
        });
      }, 0);
    });

    const source = new EventSource('/alerts/stream');
    source.addEventListener('connected', function () {
      board.dataset.live = 'true';
      request('all');
    });
    source.addEventListener('alerts-changed', function (event) {
      request(!event.data || event.data === 'all' ? 'all' : event.data.split(','));
    });
    source.addEventListener('error', function () { board.dataset.live = 'false'; });
  }

  document.addEventListener('DOMContentLoaded', start);
})();
