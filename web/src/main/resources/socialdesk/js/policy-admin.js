/*
 * The policy admin page (policy-admin.vm): sends the whole policy to PUT /policies/{project} and
 * shows each of the API's problems next to its field. Rows have no fixed index (rules are added,
 * removed, departments reordered), so each row's error lines are numbered just before sending.
 */
(function () {
  'use strict';

  function lines(value, separator) {
    return value.split(separator).map(function (w) { return w.trim(); }).filter(function (w) { return w.length > 0; });
  }

  function numberErrors(row, prefix) {
    row.querySelectorAll('[data-error-suffix]').forEach(function (p) {
      p.setAttribute('data-error-for', prefix + '.' + p.getAttribute('data-error-suffix'));
    });
  }

  function init() {
    var section = document.getElementById('sd-policy');
    var form = document.getElementById('sd-policy-form');
    if (!section || !form) return;
    var url = section.getAttribute('data-rest-base') + '/policies/' + encodeURIComponent(section.getAttribute('data-project'));
    var rules = document.getElementById('sd-policy-rules');
    var saved = document.getElementById('sd-policy-saved');

    document.getElementById('sd-add-rule').addEventListener('click', function () {
      var row = document.getElementById('sd-rule-template').content.firstElementChild.cloneNode(true);
      rules.appendChild(row);
      row.querySelector('input[name=id]').focus();
    });
    rules.addEventListener('click', function (event) {
      if (event.target.classList.contains('sd-remove')) event.target.closest('.sd-rule-row').remove();
    });
    document.getElementById('sd-policy-departments').addEventListener('click', function (event) {
      var row = event.target.closest('tr');
      if (!row) return;
      if (event.target.classList.contains('sd-up') && row.previousElementSibling) row.parentNode.insertBefore(row, row.previousElementSibling);
      if (event.target.classList.contains('sd-down') && row.nextElementSibling) row.parentNode.insertBefore(row.nextElementSibling, row);
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      saved.textContent = '';
      var departments = [];
      form.querySelectorAll('.sd-department-row').forEach(function (row, i) {
        numberErrors(row, 'departments[' + i + ']');
        var n = row.querySelector('[name=n]').value.trim();
        departments.push({
          department: row.getAttribute('data-department'),
          role: row.querySelector('[name=role]').value,
          group: row.querySelector('[name=group]').value.trim() || null,
          quorum: row.querySelector('[name=quorum]').value,
          n: n === '' ? null : Number(n),
          named: lines(row.querySelector('[name=named]').value, /[\s,]+/)
        });
      });
      var contentRules = [];
      rules.querySelectorAll('.sd-rule-row').forEach(function (row, i) {
        numberErrors(row, 'rules[' + i + ']');
        contentRules.push({
          id: row.querySelector('[name=id]').value.trim(),
          department: row.querySelector('[name=department]').value,
          kind: row.querySelector('[name=kind]').value,
          patterns: lines(row.querySelector('[name=patterns]').value, /\n/),
          description: row.querySelector('[name=description]').value
        });
      });
      var body = {
        projectKey: section.getAttribute('data-project'),
        ordering: form.elements.ordering.value,
        keepApprovalsOnReschedule: form.elements.keepApprovalsOnReschedule.checked,
        departments: departments,
        rules: contentRules
      };
      window.SocialDesk.sendJson(form, 'PUT', url, body, function () {
        saved.textContent = saved.getAttribute('data-text');
      });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
