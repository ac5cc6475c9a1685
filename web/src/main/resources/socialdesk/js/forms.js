/*
 * What the Social Desk forms share: send JSON to the REST API and show each error next to its
 * field (by `data-error-for`), else in the form's general error line. Text goes in with
 * textContent only, so nothing a user typed is ever read as HTML.
 */
(function () {
  'use strict';

  function clearErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach(function (p) { p.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
  }

  /*
   * A form with data-name-rule (the review's) also names the field and the rule after the
   * sentence, e.g. "... needs a reason. (reason: reason-required)": reviewers quote it to support.
   */
  function showError(form, field, message, rule) {
    var base = String(field).replace(/\[\d+\]$/, '');
    var target = form.querySelector('[data-error-for="' + field + '"]') ||
        form.querySelector('[data-error-for="' + base + '"]') || form.querySelector('[data-error-for="*"]');
    var text = message;
    if (rule && form.hasAttribute('data-name-rule')) text += ' (' + field + ': ' + rule + ')';
    target.textContent = target.textContent ? target.textContent + ' ' + text : text;
    var input = form.querySelector('[name="' + base + '"]');
    if (input) input.setAttribute('aria-invalid', 'true');
  }

  /** Sends `body` as JSON; on success calls onSuccess(json), else shows the errors in `form`. */
  function sendJson(form, method, url, body, onSuccess) {
    clearErrors(form);
    return fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (response.ok) {
          onSuccess(json);
        } else if (json.problems && json.problems.length) {
          json.problems.forEach(function (p) { showError(form, p.field, p.message, p.rule); });
        } else {
          showError(form, json.field || '*', json.error || ('HTTP ' + response.status), json.rule);
        }
      });
    }).catch(function (e) { showError(form, '*', String(e)); });
  }

  window.SocialDesk = window.SocialDesk || {};
  window.SocialDesk.sendJson = sendJson;
  window.SocialDesk.clearErrors = clearErrors;
  window.SocialDesk.showError = showError;
})();
