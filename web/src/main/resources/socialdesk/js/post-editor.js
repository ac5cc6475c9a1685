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

  /*
   * The live previews: each shown network's text (its variant, else the master text) is checked by
   * POST /validate 250 ms after the typing stops. The counter shows the network's own measure
   * against its limit, turns red at the limit (sd-at-limit) and past it (sd-over, aria-invalid),
   * and the rules broken are listed by name. A network's card appears once its variant has text.
   */
  function livePreviews(section, form) {
    var box = document.getElementById('sd-previews');
    if (!box) return;
    var validateUrl = section.getAttribute('data-rest-base') + '/validate';
    var unit = function (name) { return box.getAttribute('data-unit-' + name); };
    var sent = {};
    var timer = null;

    function variantOf(network) {
      return form.querySelector('textarea[data-network="' + network + '"]');
    }

    function textFor(network) {
      var variant = variantOf(network);
      return variant && variant.value.trim().length > 0 ? variant.value : form.elements.text.value;
    }

    function counterText(v) {
      if (v.weightedLength !== undefined) return v.weightedLength + ' / ' + v.limit + ' ' + unit('weighted');
      if (v.graphemes !== undefined) return v.graphemes + ' / ' + v.limit + ' ' + unit('graphemes') + ' \u00b7 ' + v.bytes + ' ' + unit('bytes');
      return (v.length !== undefined ? v.length : 0) + ' / ' + v.limit + ' ' + unit('length');
    }

    function measure(v) {
      if (v.weightedLength !== undefined) return v.weightedLength;
      if (v.graphemes !== undefined) return v.graphemes;
      return v.length || 0;
    }

    function show(card, v) {
      var counter = card.querySelector('.sd-counter');
      var rules = card.querySelector('.sd-rules');
      counter.textContent = counterText(v);
      counter.classList.toggle('sd-at-limit', measure(v) >= v.limit);
      counter.classList.toggle('sd-over', !v.valid);
      card.classList.toggle('sd-invalid', !v.valid);
      if (v.valid) counter.removeAttribute('aria-invalid'); else counter.setAttribute('aria-invalid', 'true');
      rules.textContent = '';
      (v.errors || []).forEach(function (e) {
        var li = document.createElement('li');
        var code = document.createElement('code');
        code.textContent = e.rule;
        li.appendChild(code);
        li.appendChild(document.createTextNode(' ' + e.message));
        rules.appendChild(li);
      });
    }

    function check(card) {
      var network = card.getAttribute('data-network');
      var text = textFor(network);
      card.querySelector('.sd-preview-text').textContent = text;
      var seq = (sent[network] || 0) + 1;
      sent[network] = seq;
      card.setAttribute('aria-busy', 'true');
      fetch(validateUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify({ network: network, text: text })
      }).then(function (response) {
        return response.json().then(function (json) { return { ok: response.ok, json: json }; });
      }).then(function (answer) {
        if (sent[network] !== seq) return; // an answer to older text
        card.removeAttribute('aria-busy');
        if (answer.ok) show(card, answer.json);
        else card.querySelector('.sd-counter').textContent = answer.json.error || box.getAttribute('data-unavailable');
      }).catch(function () {
        if (sent[network] !== seq) return;
        card.removeAttribute('aria-busy');
        card.querySelector('.sd-counter').textContent = box.getAttribute('data-unavailable');
      });
    }

    function update() {
      box.querySelectorAll('.sd-preview').forEach(function (card) {
        var variant = variantOf(card.getAttribute('data-network'));
        var shown = card.getAttribute('data-base') === 'true' || (variant && variant.value.trim().length > 0);
        card.hidden = !shown;
        if (shown) check(card);
      });
    }

    function later() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(update, 250);
    }

    form.elements.text.addEventListener('input', later);
    form.querySelectorAll('textarea[data-network]').forEach(function (t) { t.addEventListener('input', later); });
    update();
  }

  function init() {
    var section = document.querySelector('.sd-editor');
    var form = document.getElementById('sd-edit-post');
    if (!section || !form) return;
    var url = section.getAttribute('data-rest-base') + '/posts/' + section.getAttribute('data-post-id');
    livePreviews(section, form);

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
