/* The new-post form on the posts page (uses forms.js). */
(function () {
  'use strict';

  function init() {
    var section = document.querySelector('.sd-posts');
    var form = document.getElementById('sd-new-post');
    if (!section || !form) return;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var e = form.elements;
      var body = { title: e.title.value, text: e.text.value, plannedAt: e.plannedAt.value, zone: e.zone.value };
      window.SocialDesk.sendJson(form, 'POST', section.getAttribute('data-rest-base') + '/posts', body, function () {
        window.location.reload();
      });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
