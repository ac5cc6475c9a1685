/*
 * The editorial calendar (calendar*.vm): reschedule a post by moving it to another day, with the mouse, a finger
 * or the keyboard, and keep the filters form in the address (so a view can be bookmarked and shared).
 *
 * Pointer events rather than HTML5 drag and drop: they work with touch, and WebDriver drives them in the browser
 * tests. A post moves to a day and keeps its own wall-clock time in its own zone (the body sends the post's local
 * date-time moved by the days dropped, and no zone), so 09:00 Paris stays 09:00 Paris across a clock change; a time
 * the clocks skip is moved forward by the server, which says so. The server runs the same checks as an edit: a
 * refusal (a blackout, a stale version, a post that may no longer move) is shown as the server's text and the post
 * snaps back to where it was. On success the page reloads, so clashes, gaps and times are the server's truth.
 *
 * Keyboard: each movable post has a "Move" button. It starts a move: arrow keys pick a day (left and right: one
 * day; up and down: one week), Enter drops, Escape cancels. Each step is announced in a live region.
 *
 * Every text goes in with textContent, never as HTML.
 */
(function () {
  'use strict';

  var DRAG_THRESHOLD = 5;
  var DAY_MS = 24 * 3600 * 1000;
  var NOTICE = 'socialdesk.calendar.notice';

  function isoPlusDays(iso, days) {
    var parts = iso.split('-');
    var d = new Date(Date.UTC(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2])) + days * DAY_MS);
    return d.toISOString().substring(0, 10);
  }

  function daysBetween(fromIso, toIso) {
    var a = fromIso.split('-');
    var b = toIso.split('-');
    return Math.round((Date.UTC(Number(b[0]), Number(b[1]) - 1, Number(b[2])) - Date.UTC(Number(a[0]), Number(a[1]) - 1, Number(a[2]))) / DAY_MS);
  }

  function Calendar(root) {
    this.root = root;
    this.status = root.querySelector('#sd-calendar-status');
    this.error = root.querySelector('#sd-calendar-error');
    this.drag = null;
    this.keyboard = null;
    this.busy = false;
  }

  Calendar.prototype.days = function () {
    return Array.prototype.slice.call(this.root.querySelectorAll('[data-drop-date]'));
  };

  Calendar.prototype.dayFor = function (date) {
    return this.root.querySelector('[data-drop-date="' + date + '"]');
  };

  Calendar.prototype.say = function (text) {
    if (this.status) this.status.textContent = text;
  };

  Calendar.prototype.showError = function (text) {
    if (!this.error) return;
    this.error.textContent = text;
    this.error.hidden = !text;
  };

  Calendar.prototype.text = function (name, arg) {
    var t = this.root.getAttribute('data-text-' + name) || '';
    return arg === undefined ? t : t.replace('{0}', arg);
  };

  /** Where the entry goes in a day: its list of posts (made if the day has none yet). */
  function listOf(day) {
    var list = day.querySelector('.sd-entries');
    if (!list) {
      list = document.createElement('ul');
      list.className = 'sd-entries';
      day.appendChild(list);
    }
    return list;
  }

  Calendar.prototype.highlight = function (day) {
    this.days().forEach(function (d) { d.classList.toggle('sd-drop-target', d === day); });
  };

  /* ------------------------------------------------------------------ the move itself */

  /**
   * Moves `entry` to `day` on the page at once, asks the server, and reloads on success; on a refusal the entry
   * goes back to `origin` (its list and the element it stood before) and the server's reason is shown.
   */
  Calendar.prototype.move = function (entry, day, origin) {
    var self = this;
    var date = day.getAttribute('data-drop-date');
    if (date === entry.getAttribute('data-date')) { self.restore(entry, origin); return; }
    self.busy = true;
    self.showError('');
    listOf(day).appendChild(entry.closest('li') || entry);
    entry.classList.add('sd-moving');
    entry.setAttribute('aria-busy', 'true');
    self.say(self.text('saving', date));
    // The post keeps its own wall-clock time in its own zone: its own date moves by as many days as the viewer moved it.
    var own = entry.getAttribute('data-planned-local');
    var shift = daysBetween(entry.getAttribute('data-date'), date);
    var body = { plannedAt: isoPlusDays(own.substring(0, 10), shift) + own.substring(10), version: Number(entry.getAttribute('data-version')) };
    fetch(entry.getAttribute('data-reschedule-url'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Atlassian-Token': 'no-check' },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (response.ok) {
          self.say(self.text('saved', date));
          // A time the clocks skip was moved forward: the server says so, and the reloaded page shows it.
          if (json.notice) { try { window.sessionStorage.setItem(NOTICE, json.notice); } catch (ignored) { /* private mode */ } }
          window.location.reload();
          return;
        }
        var reason = json.error || (json.problems && json.problems.length && json.problems[0].message) || ('HTTP ' + response.status);
        self.refused(entry, origin, reason);
      });
    }).catch(function (e) {
      self.refused(entry, origin, String(e));
    });
  };

  Calendar.prototype.refused = function (entry, origin, reason) {
    this.restore(entry, origin);
    this.showError(reason);
    this.say(this.text('refused', reason));
    entry.focus();
  };

  Calendar.prototype.restore = function (entry, origin) {
    var item = entry.closest('li') || entry;
    if (origin.next && origin.next.parentNode === origin.list) origin.list.insertBefore(item, origin.next);
    else origin.list.appendChild(item);
    entry.classList.remove('sd-moving');
    entry.removeAttribute('aria-busy');
    this.highlight(null);
    this.busy = false;
  };

  function originOf(entry) {
    var item = entry.closest('li') || entry;
    return { list: item.parentNode, next: item.nextSibling };
  }

  /* ------------------------------------------------------------------ pointer */

  Calendar.prototype.onPointerDown = function (event) {
    if (this.busy || this.keyboard || event.button !== 0) return;
    var entry = event.target.closest('.sd-entry[data-reschedule-url]');
    if (!entry || !this.root.contains(entry) || event.target.closest('button')) return;
    this.drag = { entry: entry, x: event.clientX, y: event.clientY, started: false, ghost: null, pointer: event.pointerId };
  };

  Calendar.prototype.onPointerMove = function (event) {
    var drag = this.drag;
    if (!drag) return;
    if (!drag.started) {
      if (Math.abs(event.clientX - drag.x) < DRAG_THRESHOLD && Math.abs(event.clientY - drag.y) < DRAG_THRESHOLD) return;
      drag.started = true;
      drag.origin = originOf(drag.entry);
      drag.ghost = drag.entry.cloneNode(true);
      drag.ghost.removeAttribute('id');
      drag.ghost.classList.add('sd-ghost');
      drag.ghost.setAttribute('aria-hidden', 'true');
      drag.ghost.style.width = drag.entry.getBoundingClientRect().width + 'px';
      document.body.appendChild(drag.ghost);
      drag.entry.classList.add('sd-dragging');
      this.say(this.text('dragging', drag.entry.getAttribute('data-title')));
    }
    event.preventDefault();
    drag.ghost.style.left = (event.clientX + 8) + 'px';
    drag.ghost.style.top = (event.clientY + 8) + 'px';
    this.highlight(this.dayAt(event.clientX, event.clientY));
  };

  Calendar.prototype.dayAt = function (x, y) {
    var under = document.elementFromPoint(x, y);
    var day = under && under.closest('[data-drop-date]');
    return day && this.root.contains(day) ? day : null;
  };

  Calendar.prototype.onPointerUp = function (event) {
    var drag = this.drag;
    this.drag = null;
    if (!drag || !drag.started) return;
    event.preventDefault();
    if (drag.ghost) drag.ghost.remove();
    drag.entry.classList.remove('sd-dragging');
    // The click that follows a drag must not open the post.
    var swallow = function (e) { e.preventDefault(); e.stopPropagation(); };
    drag.entry.addEventListener('click', swallow, { capture: true, once: true });
    setTimeout(function () { drag.entry.removeEventListener('click', swallow, { capture: true }); }, 0);
    var day = this.dayAt(event.clientX, event.clientY);
    this.highlight(null);
    if (!day) { this.say(this.text('cancelled')); return; }
    this.move(drag.entry, day, drag.origin);
  };

  Calendar.prototype.onPointerCancel = function () {
    var drag = this.drag;
    this.drag = null;
    if (!drag || !drag.started) return;
    if (drag.ghost) drag.ghost.remove();
    drag.entry.classList.remove('sd-dragging');
    this.highlight(null);
  };

  /* ------------------------------------------------------------------ keyboard */

  Calendar.prototype.startKeyboardMove = function (entry) {
    if (this.busy) return;
    this.keyboard = { entry: entry, origin: originOf(entry), date: entry.getAttribute('data-date') };
    entry.classList.add('sd-dragging');
    entry.setAttribute('aria-grabbed', 'true');
    this.highlight(this.dayFor(this.keyboard.date));
    entry.focus();
    this.say(this.text('keyboard', entry.getAttribute('data-title')));
  };

  Calendar.prototype.onKeyDown = function (event) {
    var kb = this.keyboard;
    if (!kb) return;
    var step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      var next = isoPlusDays(kb.date, step);
      var day = this.dayFor(next);
      if (!day) { this.say(this.text('edge')); return; }
      kb.date = next;
      this.highlight(day);
      this.say(this.text('over', (day.getAttribute('data-label') || next)));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.keyboard = null;
      kb.entry.classList.remove('sd-dragging');
      kb.entry.removeAttribute('aria-grabbed');
      this.move(kb.entry, this.dayFor(kb.date), kb.origin);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.keyboard = null;
      kb.entry.classList.remove('sd-dragging');
      kb.entry.removeAttribute('aria-grabbed');
      this.highlight(null);
      this.say(this.text('cancelled'));
    }
  };

  /* ------------------------------------------------------------------ filters */

  /** Drops empty fields from the filters form's address, so a shared link stays short. */
  function tidyFilters(form) {
    form.addEventListener('submit', function () {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name && !el.value) el.disabled = true;
      });
      setTimeout(function () {
        Array.prototype.forEach.call(form.elements, function (el) { el.disabled = false; });
      }, 0);
    });
  }

  function init() {
    var root = document.getElementById('sd-calendar');
    if (!root || root.getAttribute('data-ready')) return;
    root.setAttribute('data-ready', 'true');
    var cal = new Calendar(root);
    root.addEventListener('pointerdown', function (e) { cal.onPointerDown(e); });
    document.addEventListener('pointermove', function (e) { cal.onPointerMove(e); });
    document.addEventListener('pointerup', function (e) { cal.onPointerUp(e); });
    document.addEventListener('pointercancel', function () { cal.onPointerCancel(); });
    root.addEventListener('keydown', function (e) { cal.onKeyDown(e); });
    // Dragging a link or an image would start the browser's own drag and drop instead.
    root.addEventListener('dragstart', function (e) { if (e.target.closest && e.target.closest('.sd-entry')) e.preventDefault(); });
    root.querySelectorAll('button.sd-move').forEach(function (button) {
      button.addEventListener('click', function (e) {
        e.preventDefault();
        cal.startKeyboardMove(button.closest('.sd-entry'));
      });
    });
    var notice = null;
    try { notice = window.sessionStorage.getItem(NOTICE); window.sessionStorage.removeItem(NOTICE); } catch (ignored) { /* private mode */ }
    var noticeBox = root.querySelector('#sd-calendar-notice');
    if (notice && noticeBox) { noticeBox.textContent = notice; noticeBox.hidden = false; }
    var filters = root.querySelector('form.sd-calendar-filters');
    if (filters) tidyFilters(filters);
    window.SocialDesk = window.SocialDesk || {};
    window.SocialDesk.calendar = cal;
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
