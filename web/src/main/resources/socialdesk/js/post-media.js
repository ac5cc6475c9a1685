/*
 * The post editor's media section: uploads each chosen file as it is (POST /media, the raw bytes),
 * shows a thumbnail for images and an alt-text field per file, and gives the editor the list to
 * save as `media: [{sha256, altText}]` (window.SocialDesk.postMedia). Text goes in with textContent
 * only; the server says what each file really is.
 */
(function () {
  'use strict';

  var section;

  function items() {
    return section ? Array.prototype.slice.call(section.querySelectorAll('.sd-media-item')) : [];
  }

  /** Error lines follow the item's position, as the server names fields: media[1].altText. */
  function renumber() {
    items().forEach(function (item, i) {
      item.querySelector('[data-error-role="sha256"]').setAttribute('data-error-for', 'media[' + i + '].sha256');
      item.querySelector('[data-error-role="altText"]').setAttribute('data-error-for', 'media[' + i + '].altText');
    });
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function addItem(uploaded) {
    var base = section.getAttribute('data-media-base');
    var url = base + '/' + encodeURIComponent(uploaded.sha256);
    var image = uploaded.mimeType.indexOf('image/') === 0;
    var item = element('li', 'sd-media-item');
    item.setAttribute('data-sha256', uploaded.sha256);
    item.setAttribute('data-image', String(image));
    if (image) {
      var img = element('img', 'sd-media-thumb');
      img.src = url;
      img.alt = '';
      item.appendChild(img);
    } else {
      var link = element('a', 'sd-media-file', uploaded.fileName || uploaded.mimeType);
      link.href = url;
      item.appendChild(link);
    }
    var label = element('label', null, section.getAttribute('data-label-alt'));
    var alt = element('textarea', 'sd-media-alt');
    alt.rows = 2;
    alt.maxLength = 1000;
    label.appendChild(alt);
    item.appendChild(label);
    var remove = element('button', 'sd-media-remove aui-button', section.getAttribute('data-label-remove'));
    remove.type = 'button';
    item.appendChild(remove);
    ['sha256', 'altText'].forEach(function (role) {
      var p = element('p', 'sd-error');
      p.setAttribute('data-error-role', role);
      p.setAttribute('role', 'alert');
      item.appendChild(p);
    });
    section.querySelector('.sd-media-list').appendChild(item);
    renumber();
    if (image) alt.focus();
  }

  function upload(file) {
    var url = section.getAttribute('data-media-base') + '?fileName=' + encodeURIComponent(file.name);
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      // Jira's XSRF check refuses form-like writes without this header; it costs nothing elsewhere.
      headers: { 'Content-Type': file.type || 'application/octet-stream', 'Accept': 'application/json', 'X-Atlassian-Token': 'no-check' },
      body: file
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (response.status === 201) {
          addItem(json);
        } else {
          var error = section.querySelector('[data-error-for="file"]');
          error.textContent = (error.textContent ? error.textContent + ' ' : '') + file.name + ': ' + (json.error || ('HTTP ' + response.status));
        }
      });
    });
  }

  function init() {
    section = document.querySelector('.sd-editor .sd-media');
    if (!section) return;
    renumber();
    var input = section.querySelector('input[type="file"]');
    var status = section.querySelector('.sd-media-status');
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files);
      section.querySelector('[data-error-for="file"]').textContent = '';
      status.textContent = section.getAttribute('data-label-uploading');
      // One at a time, so the files keep the order they were chosen in.
      files.reduce(function (done, file) {
        return done.then(function () { return upload(file); });
      }, Promise.resolve()).catch(function (e) {
        section.querySelector('[data-error-for="file"]').textContent = String(e);
      }).then(function () {
        status.textContent = '';
        input.value = '';
      });
    });
    section.addEventListener('click', function (event) {
      var remove = event.target.closest('.sd-media-remove');
      if (!remove) return;
      remove.closest('.sd-media-item').remove();
      renumber();
    });
  }

  window.SocialDesk = window.SocialDesk || {};
  /** What the editor saves: each file's hash and its alt text, in the order shown. */
  window.SocialDesk.postMedia = function () {
    return items().map(function (item) {
      return { sha256: item.getAttribute('data-sha256'), altText: item.querySelector('.sd-media-alt').value };
    });
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
