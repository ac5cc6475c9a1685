/*
 * The accounts page (accounts-admin.vm): connect (OAuth: the API answers where to send the browser; app
 * password: the account is connected at once), check and remove accounts, set OAuth clients and settings.
 * Each of the API's problems is shown next to its field by forms.js; nothing typed is ever read as HTML,
 * and the password fields are emptied as soon as they are sent.
 */
(function () {
  'use strict';

  function init() {
    var section = document.getElementById('sd-accounts');
    if (!section) return;
    var base = section.getAttribute('data-rest-base') + '/accounts';
    var send = window.SocialDesk.sendJson;

    function field(form, name) {
      var input = form.querySelector('[name="' + name + '"]');
      return input ? input.value.trim() : '';
    }

    function reloadWith(query) {
      var url = window.location.pathname + (query ? '?' + query : '');
      window.location.assign(url);
    }

    section.querySelectorAll('form.sd-connect-oauth').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        send(form, 'POST', base + '/connect', { network: form.getAttribute('data-network'), instance: field(form, 'instance') || null },
          function (json) { window.location.assign(json.authorizationUrl); });
      });
    });

    section.querySelectorAll('form.sd-connect-app-password').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var password = form.querySelector('[name=password]');
        var body = { network: form.getAttribute('data-network'), instance: field(form, 'instance') || null,
          identifier: field(form, 'identifier'), password: password.value };
        password.value = '';
        send(form, 'POST', base + '/app-password', body, function (json) { reloadWith('connected=' + encodeURIComponent(json.id)); });
      });
    });

    section.querySelectorAll('form.sd-account-actions').forEach(function (form) {
      var id = form.getAttribute('data-account-id');
      var status = form.querySelector('.sd-saved');
      form.querySelector('.sd-check').addEventListener('click', function () {
        status.textContent = '';
        send(form, 'POST', base + '/' + encodeURIComponent(id) + '/check', {}, function () { reloadWith(''); });
      });
      var remove = form.querySelector('.sd-remove-account');
      remove.addEventListener('click', function () {
        if (!window.confirm(remove.getAttribute('data-confirm'))) return;
        window.SocialDesk.clearErrors(form);
        fetch(base + '/' + encodeURIComponent(id), { method: 'DELETE', credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
          .then(function (response) {
            if (response.ok) { reloadWith(''); return; }
            return response.json().catch(function () { return {}; }).then(function (json) {
              window.SocialDesk.showError(form, json.field || '*', json.error || ('HTTP ' + response.status), json.rule);
            });
          });
      });
    });

    section.querySelectorAll('form.sd-oauth-client').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var secret = form.querySelector('[name=clientSecret]');
        var saved = form.querySelector('.sd-saved');
        var body = { clientId: field(form, 'clientId'), clientSecret: secret.value || null };
        secret.value = '';
        saved.textContent = '';
        send(form, 'PUT', base + '/oauth-clients/' + encodeURIComponent(form.getAttribute('data-network')), body,
          function () { saved.textContent = saved.getAttribute('data-text'); });
      });
    });

    var settings = document.getElementById('sd-account-settings');
    if (settings) {
      settings.addEventListener('submit', function (event) {
        event.preventDefault();
        var saved = settings.querySelector('.sd-saved');
        var days = field(settings, 'warningDays');
        saved.textContent = '';
        send(settings, 'PUT', base + '/settings', {
          allowPrivateAddresses: settings.querySelector('[name=allowPrivateAddresses]').checked,
          warningDays: days === '' ? null : Number(days)
        }, function () { saved.textContent = saved.getAttribute('data-text'); });
      });
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
