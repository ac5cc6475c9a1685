/*
 * The publishing queue page (queue.vm): each button sends its action on one delivery, with the version the page
 * showed, to the queue API, then reloads the page. A refusal (a wrong state, a stale version, a bad URL) is shown
 * next to the buttons by forms.js, as text.
 */
(function () {
  'use strict';

  function init() {
    var section = document.getElementById('sd-queue');
    if (!section) return;
    var base = section.getAttribute('data-rest-base') + '/queue/deliveries/';

    section.querySelectorAll('form.sd-delivery-actions').forEach(function (form) {
      form.querySelectorAll('button.sd-action').forEach(function (button) {
        button.addEventListener('click', function () {
          var confirmText = button.getAttribute('data-confirm');
          if (confirmText && !window.confirm(confirmText)) return;
          var body = { action: button.getAttribute('data-action'), version: Number(form.getAttribute('data-version')) };
          var url = form.querySelector('[name=url]');
          if (body.action === 'mark-published' && url && url.value.trim()) body.url = url.value.trim();
          button.disabled = true;
          window.SocialDesk.sendJson(form, 'POST', base + encodeURIComponent(form.getAttribute('data-delivery-id')) + '/actions', body,
            function () { window.location.reload(); }).then(function () { button.disabled = false; });
        });
      });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
