/*
 * The post editor: sends the whole post with the version it was opened at (PUT), shows each
 * error next to its field, and on a conflict (409) says who saved first without losing what the
 * person typed (uses forms.js). Shared by the hosts.
 */
(function () {
  'use strict';

  function words(value, separator) {
    return value.split(separator).map(function (w) { return w.trim(); }).filter(function (w) { return w.length > 0; });
  }

  function init() {
    var section = document.querySelector('.sd-editor');
    var form = document.getElementById('sd-edit-post');
    if (!section || !form) return;
    var url = section.getAttribute('data-rest-base') + '/posts/' + section.getAttribute('data-post-id');

    form.addEventListener('submit', function (event) {
      event.preventDefault();
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
        media: window.SocialDesk.postMedia ? window.SocialDesk.postMedia() : undefined,
        plannedAt: e.plannedAt.value,
        zone: e.zone.value
      };
      window.SocialDesk.sendJson(form, 'PUT', url, body, function () {
        window.location.href = section.getAttribute('data-back-url');
      });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
