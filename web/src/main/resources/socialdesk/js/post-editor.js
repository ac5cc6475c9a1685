/*
 * The post editor: sends the whole post with the version it was opened at (PUT), shows each
 * error next to its field, and on a conflict (409) says who saved first without losing what the
 * person typed. Shared by the hosts; text goes into the page with textContent only.
 */
(function () {
  'use strict';

  function words(value, separator) {
    return value.split(separator).map(function (w) { return w.trim(); }).filter(function (w) { return w.length > 0; });
  }

  function showError(form, field, message) {
    var base = field.replace(/\[\d+\]$/, '');
    var target = form.querySelector('[data-error-for="' + field + '"]') ||
        form.querySelector('[data-error-for="' + base + '"]') || form.querySelector('[data-error-for="*"]');
    target.textContent = message;
  }

  function init() {
    var section = document.querySelector('.sd-editor');
    var form = document.getElementById('sd-edit-post');
    if (!section || !form) return;
    var url = section.getAttribute('data-rest-base') + '/posts/' + section.getAttribute('data-post-id');

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      form.querySelectorAll('[data-error-for]').forEach(function (p) { p.textContent = ''; });
      var variants = {};
      form.querySelectorAll('textarea[data-network]').forEach(function (t) {
        if (t.value.trim().length > 0) variants[t.getAttribute('data-network')] = t.value;
      });
      var e = form.elements;
      var body = {
        version: parseInt(e.version.value, 10),
        title: e.title.value,
        text: e.text.value,
        variants: variants,
        thread: words(e.thread.value, /\n-{3,}\n/),
        firstComment: e.firstComment.value,
        hashtags: words(e.hashtags.value, /[\s,]+/),
        utm: { medium: e.utmMedium.value, campaign: e.utmCampaign.value, content: e.utmContent.value },
        campaign: e.campaign.value,
        language: e.language.value,
        accountIds: words(e.accountIds.value, /[\s,]+/).map(Number),
        plannedAt: e.plannedAt.value,
        zone: e.zone.value
      };
      fetch(url, {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify(body)
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (response.ok) {
            window.location.href = section.getAttribute('data-back-url');
          } else if (json.problems && json.problems.length) {
            json.problems.forEach(function (p) { showError(form, p.field, p.message); });
          } else {
            showError(form, json.field || '*', json.error || ('HTTP ' + response.status));
          }
        });
      }).catch(function (err) { showError(form, '*', String(err)); });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
