/*
 * The review part of the post panel (post-panel.vm, web.page.ReviewPanel): the page is drawn on
 * the server for the first paint; this script sends what the viewer does (an action with the
 * version they read, a comment, a flag) and reloads the page so the panel shows the new state.
 * Errors come back next to their field, naming the rule (forms.js, data-name-rule).
 */
(function () {
  'use strict';

  function reload() { window.location.reload(); }

  function init() {
    var section = document.getElementById('sd-review');
    if (!section) return;
    var SD = window.SocialDesk;
    var post = section.getAttribute('data-rest-base') + '/posts/' + section.getAttribute('data-post-id');
    var version = parseInt(section.getAttribute('data-version'), 10);

    var actions = document.getElementById('sd-review-actions');
    if (actions) {
      actions.addEventListener('submit', function (event) { event.preventDefault(); });
      actions.querySelectorAll('button[data-action]').forEach(function (button) {
        button.addEventListener('click', function () {
          var action = button.getAttribute('data-action');
          var body = { action: action, version: version };
          var reason = actions.elements.reason;
          // The reason goes with the actions that carry one; the server says when it is missing.
          if (reason && (action === 'request-changes' || action === 'reject') && reason.value.trim()) body.reason = reason.value;
          var department = actions.elements.department;
          if (department && department.value) body.department = department.value;
          button.disabled = true;
          SD.sendJson(actions, 'POST', post + '/actions', body, reload).then(function () { button.disabled = false; });
        });
      });
    }

    var reschedule = document.getElementById('sd-reschedule');
    if (reschedule) {
      reschedule.addEventListener('submit', function (event) {
        event.preventDefault();
        SD.sendJson(reschedule, 'POST', post + '/actions', {
          action: 'reschedule', version: version, plannedAt: reschedule.elements.plannedAt.value, zone: reschedule.elements.zone.value
        }, reload);
      });
    }

    var comment = document.getElementById('sd-comment-form');
    if (comment) {
      comment.addEventListener('submit', function (event) {
        event.preventDefault();
        var network = comment.elements.network.value;
        SD.sendJson(comment, 'POST', post + '/comments', { text: comment.elements.text.value, network: network || null }, reload);
      });
    }

    var flags = document.getElementById('sd-flags');
    if (flags) {
      flags.querySelectorAll('input[name=flag]').forEach(function (box) {
        box.addEventListener('change', function () {
          var on = box.checked;
          var url = post + '/flags/' + encodeURIComponent(box.value);
          SD.sendJson(flags, on ? 'PUT' : 'DELETE', url, undefined, reload).then(function () {
            // Refused: the box shows what the server still holds.
            if (flags.querySelector('[data-error-for="*"]').textContent) box.checked = !on;
          });
        });
      });
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
