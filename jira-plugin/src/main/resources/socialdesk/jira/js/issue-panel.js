/*
 * The Social post panel on the issue view: its "Edit" link opens the shared editor in an AUI
 * dialog instead of leaving the issue. post-editor.js saves it (PUT with the version) and reloads.
 */
(function () {
  'use strict';

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('#sd-edit-link') : null;
    if (!link || link.getAttribute('href') !== '#sd-edit-dialog') return;
    var dialog = document.getElementById('sd-edit-dialog');
    if (!dialog || !window.AJS || !window.AJS.dialog2) return; // without AUI the editor stays reachable below
    event.preventDefault();
    window.AJS.dialog2(dialog).show();
  });
})();
