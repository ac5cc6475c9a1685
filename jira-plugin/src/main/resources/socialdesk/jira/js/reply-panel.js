/*
 * The replies panel on an inbox issue: its forms post JSON to the REST API (forms.js's sendJson shows a refusal
 * next to the form, naming the field); on success the issue reloads to show the reply's new state.
 */
(function () {
  'use strict';

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.closest || !form.closest('.sd-jira-reply-panel') || !window.SocialDesk) return;
    event.preventDefault();
    var body = {};
    if (form.classList.contains('sd-reply-write')) {
      body = { text: form.elements.text.value, to: form.elements.to.value, direct: form.elements.direct.value === 'true' };
    } else if (form.classList.contains('sd-reply-forget')) {
      body = { network: form.getAttribute('data-network'), author: form.getAttribute('data-author') };
    } else {
      if (form.elements.reason) body.reason = form.elements.reason.value;
      if (form.elements.url) body.url = form.elements.url.value;
    }
    window.SocialDesk.sendJson(form, 'POST', form.getAttribute('data-url'), body, function () { window.location.reload(); });
  });
})();
