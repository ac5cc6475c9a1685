/*
 * The admin set-up page: posts the project key to the REST set-up and lists what it created, found
 * and left to the admin. Text goes in with textContent only.
 */
(function () {
  'use strict';

  function init() {
    var section = document.querySelector('.sd-setup');
    var form = document.getElementById('sd-setup-form');
    if (!section || !form) return;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var project = form.elements.project.value.trim();
      var url = section.getAttribute('data-rest-base') + '/jira/setup/' + encodeURIComponent(project);
      window.SocialDesk.sendJson(form, 'POST', url, {}, function (report) {
        var box = document.getElementById('sd-setup-report');
        ['created', 'unchanged', 'leftToAdmin'].forEach(function (name) {
          var list = box.querySelector('[data-list="' + name + '"]');
          list.textContent = '';
          (report[name] || []).forEach(function (line) {
            var item = document.createElement('li');
            item.textContent = line;
            list.appendChild(item);
          });
        });
        box.hidden = false;
      });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
