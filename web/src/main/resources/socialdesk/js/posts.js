/*
 * The new-post form: sends JSON to the REST API and shows each error next to its field.
 * Shared by Jira (as a web-resource) and the server. Text goes into the page with textContent only.
 */
(function () {
  'use strict';

  function clearErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach(function (p) { p.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
  }

  function showError(form, field, message) {
    var target = form.querySelector('[data-error-for="' + field + '"]') || form.querySelector('[data-error-for="*"]');
    target.textContent = message;
    var input = form.querySelector('[name="' + field + '"]');
    if (input) input.setAttribute('aria-invalid', 'true');
  }

  function init() {
    var section = document.querySelector('.sd-posts');
    var form = document.getElementById('sd-new-post');
    if (!section || !form) return;
    var restBase = section.getAttribute('data-rest-base');

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearErrors(form);
      var body = {
        title: form.elements.title.value,
        text: form.elements.text.value,
        plannedAt: form.elements.plannedAt.value,
        zone: form.elements.zone.value
      };
      fetch(restBase + '/posts', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify(body)
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (response.ok) {
            window.location.reload();
            return;
          }
          if (json.problems && json.problems.length) {
            json.problems.forEach(function (p) { showError(form, p.field, p.message); });
          } else {
            showError(form, json.field || '*', json.error || ('HTTP ' + response.status));
          }
        });
      }).catch(function (e) {
        showError(form, '*', String(e));
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
