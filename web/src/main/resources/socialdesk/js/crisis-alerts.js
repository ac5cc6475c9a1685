/* The crisis alert page: sends the list, one user key a line, with PUT /crisis/alerts; each problem names its user key. */
(function () {
  'use strict';

  function init() {
    var section = document.getElementById('sd-crisis-alerts');
    var form = document.getElementById('sd-crisis-form');
    if (!section || !form || !document.getElementById('sd-crisis-save')) return;
    var url = section.getAttribute('data-rest-base') + '/crisis/alerts';
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var lines = form.elements.recipients.value.split('\n').map(function (l) { return l.trim(); })
          .filter(function (l) { return l !== ''; });
      window.SocialDesk.sendJson(form, 'PUT', url, { recipients: lines }, function () {
        var next = new URL(window.location.href);
        next.searchParams.set('saved', '1');
        window.location.assign(next.toString());
      });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
