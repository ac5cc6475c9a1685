/*
 * The routing rules page (routing-admin.vm): edit the ordered rules (add, remove, move up or down, change any field),
 * save the whole list with PUT /routing/rules on the version the page shows, and try a text with POST /routing/test.
 * Rules have no fixed index (they move), so each rule's number and error lines are renumbered after every change.
 * Everything the server answers is put in with textContent only: a rule name or a tested text is never read as HTML.
 */
(function () {
  'use strict';

  function lines(value, separator) {
    return value.split(separator).map(function (w) { return w.trim(); }).filter(function (w) { return w.length > 0; });
  }

  function value(container, name) {
    var el = container.querySelector('[name="' + name + '"]');
    return el ? el.value : '';
  }

  function optional(container, name) {
    var v = value(container, name).trim();
    return v === '' ? null : v;
  }

  function number(container, name) {
    var v = value(container, name).trim();
    return v === '' ? null : Number(v);
  }

  function checked(container, name) {
    return Array.prototype.map.call(container.querySelectorAll('input[name="' + name + '"]:checked'), function (i) { return i.value; });
  }

  function route(container) {
    return {
      project: value(container, 'project').trim(),
      issueType: optional(container, 'issueType'),
      requestType: optional(container, 'requestType'),
      component: optional(container, 'component'),
      priority: optional(container, 'priority'),
      labels: lines(value(container, 'labels'), /[\s,]+/),
      assignee: optional(container, 'assignee')
    };
  }

  function rule(row) {
    var r = route(row);
    r.id = row.getAttribute('data-rule-id') || null;
    r.name = value(row, 'name').trim();
    r.enabled = row.querySelector('input[name="enabled"]').checked;
    r.networks = checked(row, 'networks');
    r.accountIds = checked(row, 'accountIds').map(Number);
    r.streams = checked(row, 'streams');
    r.keywords = lines(value(row, 'keywords'), /\n/);
    r.regexes = lines(value(row, 'regexes'), /\n/);
    r.languages = lines(value(row, 'languages'), /[\s,]+/);
    r.sentiments = checked(row, 'sentiments');
    r.urgencies = checked(row, 'urgencies');
    r.authors = lines(value(row, 'authors'), /[\s,]+/);
    r.minFollowers = number(row, 'minFollowers');
    r.maxFollowers = number(row, 'maxFollowers');
    return r;
  }

  /* Each rule's visible number and its error lines follow its place in the list. */
  function renumber(list) {
    list.querySelectorAll('.sd-routing-rule').forEach(function (row, i) {
      row.querySelector('.sd-rule-number').textContent = (i + 1) + '.';
      row.querySelectorAll('[data-error-suffix]').forEach(function (p) {
        p.setAttribute('data-error-for', 'rules[' + i + ']' + p.getAttribute('data-error-suffix'));
      });
    });
  }

  function showResult(result, json) {
    result.hidden = false;
    document.getElementById('sd-test-project').textContent = json.route.project;
    var r = json.route;
    var details = [r.issueType, r.requestType, r.component, r.priority, (r.labels || []).join(' '), r.assignee]
        .filter(function (d) { return d; });
    document.getElementById('sd-test-details').textContent = details.length ? '(' + details.join(' \u00b7 ') + ')' : '';
    document.getElementById('sd-test-rule').textContent = json.byDefault ? result.getAttribute('data-by-default')
        : result.getAttribute('data-by-rule').replace('{0}', json.ruleName || json.ruleId);
    var why = document.getElementById('sd-test-why');
    while (why.firstChild) why.removeChild(why.firstChild);
    (json.whyText || json.why).forEach(function (reason) {
      var li = document.createElement('li');
      li.textContent = reason;
      why.appendChild(li);
    });
    var t = json.triage;
    document.getElementById('sd-test-triage').textContent = t.language + ' \u00b7 ' + t.mood + ' (' + t.sentiment + ') \u00b7 ' + t.urgency
        + ' ' + result.getAttribute(json.triageGiven ? 'data-given' : 'data-worked-out');
  }

  function init() {
    var section = document.getElementById('sd-routing');
    var form = document.getElementById('sd-routing-form');
    if (!section || !form) return;
    var base = section.getAttribute('data-rest-base') + '/routing';
    var list = document.getElementById('sd-routing-rules');
    renumber(list);

    document.getElementById('sd-routing-add').addEventListener('click', function () {
      var row = document.getElementById('sd-routing-rule-template').content.firstElementChild.cloneNode(true);
      list.appendChild(row);
      var none = document.getElementById('sd-routing-none');
      if (none) none.remove();
      renumber(list);
      row.querySelector('input[name="name"]').focus();
    });
    list.addEventListener('click', function (event) {
      var row = event.target.closest('.sd-routing-rule');
      if (!row) return;
      if (event.target.classList.contains('sd-up') && row.previousElementSibling) list.insertBefore(row, row.previousElementSibling);
      if (event.target.classList.contains('sd-down') && row.nextElementSibling) list.insertBefore(row.nextElementSibling, row);
      if (event.target.classList.contains('sd-remove')) row.remove();
      renumber(list);
    });
    list.addEventListener('input', function (event) {
      if (event.target.name !== 'name') return;
      event.target.closest('.sd-routing-rule').querySelector('.sd-rule-title').textContent = event.target.value;
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      renumber(list);
      var body = {
        version: Number(section.getAttribute('data-version')),
        rules: Array.prototype.map.call(list.querySelectorAll('.sd-routing-rule'), rule),
        defaultRoute: route(document.getElementById('sd-routing-default'))
      };
      window.SocialDesk.sendJson(form, 'PUT', base + '/rules', body, function (json) {
        var next = new URL(window.location.href);
        next.searchParams.set('saved', json.version);
        window.location.assign(next.toString());
      });
    });

    var testForm = document.getElementById('sd-routing-test-form');
    var result = document.getElementById('sd-test-result');
    testForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var given = value(testForm, 'triageMode') === 'given';
      var account = value(testForm, 'accountId');
      var body = {
        text: value(testForm, 'text'),
        network: optional(testForm, 'network'),
        stream: optional(testForm, 'stream'),
        accountId: account === '' ? null : Number(account),
        author: optional(testForm, 'author'),
        followers: number(testForm, 'followers'),
        triage: given ? { language: optional(testForm, 'language'), mood: value(testForm, 'mood'), urgency: value(testForm, 'urgency') } : null,
        locale: section.getAttribute('data-locale') || null
      };
      result.hidden = true;
      window.SocialDesk.sendJson(testForm, 'POST', base + '/test', body, function (json) { showResult(result, json); });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
