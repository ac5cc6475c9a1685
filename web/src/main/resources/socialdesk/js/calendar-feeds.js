/*
 * Subscribing to the editorial calendar in a calendar app (calendar-subscribe.vm): lists the viewer's iCalendar
 * feeds, adds one (my posts, this project, these filters, key dates), shows a new feed's secret address once, and
 * rotates or revokes a feed after an inline confirmation. Everything goes through the feeds' REST API at the page's
 * data-feeds-url, the same in the server and in Jira: the session's cookie (credentials: same-origin), JSON bodies,
 * and Jira's XSRF header (X-Atlassian-Token: no-check; the server checks the Origin a browser sends instead).
 *
 * The secret address only ever lives in the answer to an add or a rotate and in the read-only field that shows it;
 * it is not stored anywhere and the listing never has it. Every text goes in with textContent, never as HTML.
 * A refusal is shown with its field and rule, e.g. "Public holidays are known for ... (target: known-country)".
 */
(function () {
  'use strict';

  function Feeds(root) {
    this.root = root;
    this.url = root.getAttribute('data-feeds-url');
    this.toggle = this.part('sd-cal-subscribe-toggle');
    this.panel = this.part('sd-cal-subscribe-panel');
    this.list = this.part('sd-feeds-list');
    this.empty = this.part('sd-feeds-empty');
    this.form = this.part('sd-feed-form');
    this.error = this.part('sd-feed-error');
    this.status = this.part('sd-feed-status');
    this.secret = this.part('sd-feed-secret');
    this.loaded = false;
  }

  /** An element of this panel by its id without the page's prefix (the root's id ends in sd-cal-subscribe). */
  Feeds.prototype.part = function (name) {
    var prefix = this.root.id.substring(0, this.root.id.length - 'sd-cal-subscribe'.length);
    return document.getElementById(prefix + name);
  };

  Feeds.prototype.text = function (name, arg) {
    var t = this.root.getAttribute('data-text-' + name) || '';
    return arg === undefined ? t : t.replace('{0}', arg);
  };

  Feeds.prototype.say = function (text) {
    this.status.textContent = '';
    // A fresh text node, so that screen readers announce the same sentence twice in a row too.
    this.status.textContent = text;
  };

  Feeds.prototype.showError = function (text) {
    this.error.textContent = text;
    this.error.hidden = !text;
  };

  /** The API's answer as one sentence: the message, then (field: rule) for each problem. */
  function reason(json, status) {
    var problems = json.problems && json.problems.length ? json.problems : (json.error ? [{ message: json.error, field: json.field, rule: json.rule }] : []);
    if (!problems.length) return 'HTTP ' + status;
    return problems.map(function (p) {
      return p.message + (p.field ? ' (' + p.field + (p.rule ? ': ' + p.rule : '') + ')' : '');
    }).join(' ');
  }

  /** Sends a request to the feeds' API; resolves with the JSON of a success, rejects with the refusal in words. */
  Feeds.prototype.send = function (method, path, body) {
    var options = {
      method: method,
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-Atlassian-Token': 'no-check' },
      cache: 'no-store'
    };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(this.url + path, options).then(function (response) {
      if (response.status === 204) return {};
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (response.ok) return json;
        var problem = new Error(reason(json, response.status));
        problem.fields = (json.problems || [json]).map(function (p) { return p.field; }).filter(Boolean);
        throw problem;
      });
    });
  };

  /* ------------------------------------------------------------------ the panel */

  Feeds.prototype.open = function (show) {
    this.panel.hidden = !show;
    this.toggle.setAttribute('aria-expanded', String(show));
    if (show) {
      this.part('sd-feeds-heading').focus();
      if (!this.loaded) this.load();
    } else {
      this.toggle.focus();
    }
  };

  Feeds.prototype.load = function () {
    var self = this;
    var first = !self.loaded;
    if (first) self.say(self.text('loading'));
    return self.send('GET', '').then(function (json) {
      self.loaded = true;
      self.render(json.feeds || []);
      // A reload after an add, a rotation or a revocation keeps what was just said about it.
      if (first) self.say('');
    }).catch(function (e) { self.showError(self.text('failed', e.message)); });
  };

  /** "12 Mar 2026, 09:41" in the page's language and zone (the calendar's: the viewer's unless the address names one). */
  Feeds.prototype.when = function (iso) {
    try {
      return new Intl.DateTimeFormat(this.root.getAttribute('data-lang') || undefined,
          { dateStyle: 'medium', timeStyle: 'short', timeZone: this.root.getAttribute('data-zone') || undefined }).format(new Date(iso));
    } catch (e) {
      return iso;
    }
  };

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  Feeds.prototype.render = function (feeds) {
    var self = this;
    self.list.textContent = '';
    self.empty.hidden = feeds.length > 0;
    feeds.forEach(function (feed) {
      var item = element('li', 'sd-feed');
      item.setAttribute('data-feed-id', String(feed.id));
      item.appendChild(element('span', 'sd-feed-label', feed.label));
      item.appendChild(document.createTextNode(' \u00b7 '));
      var kind = self.root.getAttribute('data-kind-' + feed.kind) || feed.kind;
      var target = feed.kind === 'project' || (feed.kind === 'key-dates' && feed.target) ? ' (' + feed.target + ')' : '';
      item.appendChild(element('span', 'sd-feed-what', kind + target));
      item.appendChild(document.createTextNode(' \u00b7 '));
      var issued = element('time', 'sd-feed-issued', self.text('issued', self.when(feed.issuedAt)));
      issued.setAttribute('datetime', feed.issuedAt);
      item.appendChild(issued);
      var actions = element('span', 'sd-feed-actions');
      actions.appendChild(self.button('rotate', feed, item));
      actions.appendChild(self.button('revoke', feed, item));
      item.appendChild(actions);
      self.list.appendChild(item);
    });
  };

  Feeds.prototype.button = function (action, feed, item) {
    var self = this;
    var b = element('button', 'aui-button aui-button-subtle sd-feed-' + action, self.text(action));
    b.type = 'button';
    b.setAttribute('aria-label', self.text(action + '-label', feed.label));
    b.addEventListener('click', function () { self.confirm(action, feed, item, b); });
    return b;
  };

  /** An inline question under the feed, its "yes" focused; "keep it" (or Escape) goes back to the button. */
  Feeds.prototype.confirm = function (action, feed, item, from) {
    var self = this;
    var old = item.querySelector('.sd-feed-confirm');
    if (old) old.remove();
    var box = element('div', 'sd-feed-confirm');
    box.setAttribute('role', 'group');
    var question = element('p', '', self.text('confirm-' + action, feed.label));
    question.id = self.root.id + '-confirm-' + feed.id;
    box.setAttribute('aria-labelledby', question.id);
    var yes = element('button', 'aui-button sd-button sd-feed-yes', self.text(action));
    yes.type = 'button';
    var no = element('button', 'aui-button aui-button-subtle sd-feed-no', self.text('keep'));
    no.type = 'button';
    box.appendChild(question);
    box.appendChild(yes);
    box.appendChild(no);
    item.appendChild(box);
    var close = function () { box.remove(); from.focus(); };
    no.addEventListener('click', close);
    box.addEventListener('keydown', function (e) { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(); } });
    yes.addEventListener('click', function () {
      yes.disabled = true;
      self.showError('');
      var done = action === 'rotate'
          ? self.send('POST', '/' + feed.id + '/rotate').then(function (issued) { self.reveal(issued, self.text('rotated', feed.label)); })
          : self.send('DELETE', '/' + feed.id).then(function () {
            self.hideSecret();
            self.say(self.text('revoked', feed.label));
            self.part('sd-feeds-list-heading').focus();
          });
      done.then(function () { return self.load(); }).catch(function (e) {
        yes.disabled = false;
        self.showError(self.text('failed', e.message));
      });
    });
    yes.focus();
  };

  /* ------------------------------------------------------------------ adding */

  /** The filters "these filters" saves, from the radio's query string: {project: ["MKT"], state: ["DRAFT"]}. */
  function filtersOf(query) {
    var filters = {};
    new URLSearchParams(query || '').forEach(function (value, name) {
      (filters[name] = filters[name] || []).push(value);
    });
    return filters;
  }

  Feeds.prototype.add = function () {
    var self = this;
    var form = self.form;
    var picked = form.querySelector('input[name="kind"]:checked');
    var label = form.elements.label.value.trim();
    var kind = picked ? picked.value : 'user';
    form.querySelectorAll('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); });
    self.showError('');
    var submit = self.part('sd-feed-add');
    submit.disabled = true;
    var feed;
    if (kind === 'filter') {
      // A saved filter first (the page's filters), then a feed of it, both named alike.
      var name = label || picked.getAttribute('data-filter-name');
      feed = self.send('POST', '/filters', { name: name, filters: filtersOf(picked.getAttribute('data-filters')) })
          .then(function (filter) { return self.send('POST', '', { kind: 'filter', target: String(filter.id), label: name }); });
    } else {
      var target = kind === 'project' ? picked.getAttribute('data-target') : (kind === 'key-dates' ? form.elements.countries.value : '');
      feed = self.send('POST', '', { kind: kind, target: target, label: label });
    }
    feed.then(function (issued) {
      form.elements.label.value = '';
      self.reveal(issued, self.text('created', issued.label));
      return self.load();
    }).catch(function (e) {
      self.showError(self.text('failed', e.message));
      (e.fields || []).forEach(function (field) {
        var input = field === 'label' || field === 'name' ? form.elements.label : (field === 'target' && kind === 'key-dates' ? form.elements.countries : null);
        if (input) input.setAttribute('aria-invalid', 'true');
      });
      self.error.focus();
    }).then(function () { submit.disabled = false; });
  };

  /** Shows a new secret address, the one time there is one, and puts the focus on it. */
  Feeds.prototype.reveal = function (issued, message) {
    var url = this.part('sd-feed-url');
    this.part('sd-feed-secret-message').textContent = message;
    url.value = issued.url;
    this.part('sd-feed-webcal').setAttribute('href', issued.webcalUrl);
    this.secret.hidden = false;
    this.say(message);
    url.focus();
    url.select();
  };

  Feeds.prototype.hideSecret = function () {
    this.part('sd-feed-url').value = '';
    this.part('sd-feed-webcal').setAttribute('href', '#');
    this.secret.hidden = true;
  };

  Feeds.prototype.copy = function () {
    var self = this;
    var url = self.part('sd-feed-url');
    var fallback = function () {
      url.focus();
      url.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      self.say(self.text(ok ? 'copied' : 'copy-failed'));
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url.value).then(function () { self.say(self.text('copied')); }, fallback);
    } else {
      fallback();
    }
  };

  function init() {
    document.querySelectorAll('.sd-subscribe[data-feeds-url]').forEach(function (root) {
      if (root.getAttribute('data-ready')) return;
      root.setAttribute('data-ready', 'true');
      var feeds = new Feeds(root);
      feeds.toggle.hidden = false;
      feeds.toggle.addEventListener('click', function () { feeds.open(feeds.panel.hidden); });
      feeds.panel.addEventListener('keydown', function (e) {
        if (e.key === 'Escape' && !e.defaultPrevented) { e.preventDefault(); feeds.open(false); }
      });
      feeds.form.addEventListener('submit', function (e) { e.preventDefault(); feeds.add(); });
      feeds.part('sd-feed-copy').addEventListener('click', function () { feeds.copy(); });
      feeds.part('sd-feed-done').addEventListener('click', function () {
        feeds.hideSecret();
        feeds.part('sd-feeds-list-heading').focus();
      });
      var countries = feeds.form.elements.countries;
      // Typing countries picks the key-dates feed they belong to.
      countries.addEventListener('input', function () { feeds.part('sd-feed-kind-key-dates').checked = true; });
      window.SocialDesk = window.SocialDesk || {};
      window.SocialDesk.calendarFeeds = feeds;
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
