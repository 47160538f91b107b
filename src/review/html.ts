import { renderPage } from '../report/html/page.js';
import { escapeHtml, jsonForScript } from '../report/escape.js';
import { sha256Hex } from '../util/hash.js';
import { PAIR_LABELS, RESPONSE_LABELS } from './adjudications.js';
import { LABEL_COLUMNS } from './csv.js';
import type { PresentedItem } from './present.js';

/** The JSON a reviewer downloads from review.html; `counterfair review import` reads it (or the CSV). */
export const LABELS_FORMAT = 'counterfair-review-labels';

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 70rem; padding: 1rem 2rem 4rem; color: #1d232a; }
header.page { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ccd; padding: .5rem 0; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; z-index: 1; }
section.item { border: 1px solid #ccd; border-radius: 6px; padding: .5rem 1rem 1rem; margin: 1.5rem 0; }
section.item.done { border-color: #3a7d44; }
.text { white-space: pre-wrap; background: #f5f6f8; padding: .5rem .75rem; border-radius: 4px; }
.answers { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); gap: 1rem; }
fieldset { border: 1px solid #dde; margin: .5rem 0; min-width: 0; }
label { margin-right: 1rem; white-space: nowrap; }
label.notes { display: block; margin-right: 0; white-space: normal; }
textarea { display: block; box-sizing: border-box; width: 100%; max-width: 100%; min-height: 2.5rem; }
@media (max-width: 40rem) { body { padding: .5rem .75rem 3rem; } section.item { padding: .5rem .6rem .75rem; } }
h2 { font-size: 1.05rem; } h3 { font-size: .95rem; margin-bottom: .25rem; }
`;

/**
 * A self-contained page for working through the queue offline: no request leaves the page (a Content-Security-Policy
 * forbids any), every text from a model or a vignette is HTML-escaped, labels are kept in the browser's local storage
 * as they are entered, and a button downloads them as CSV or JSON for `counterfair review import`.
 */
export function reviewHtml(items: readonly PresentedItem[], title: string): string {
  const pageId = sha256Hex(items.map((i) => i.id).join(',')).slice(0, 16);
  const config = { pageId, columns: LABEL_COLUMNS, format: LABELS_FORMAT };
  const body = `<h1>${escapeHtml(title)}</h1>
<p>Each item shows a clinical question as a model received it, with the patient's demographic details masked as […], and one answer or two answers (A and B) to it.
Grade each answer against the answer key; for two answers, also say whether they differ in clinical substance (what care the patient would receive).
Your labels are saved in this browser as you go. When you are done, download them and send the file back.</p>
<header class="page">
<label>Reviewer <input id="reviewer" autocomplete="name"></label>
<span id="progress"></span>
<button type="button" id="download-csv">Download labels (CSV)</button>
<button type="button" id="download-json">Download labels (JSON)</button>
</header>
<form id="review">
${items.map(itemHtml).join('\n')}
</form>`;
  // The report's page: a hash-only script policy, so nothing but this page's own script can run.
  return renderPage({ title, body, styles: STYLE, scripts: [reviewScript(jsonForScript(config))] });
}

function itemHtml(item: PresentedItem): string {
  const id = escapeHtml(item.id);
  const answer = (side: 'a' | 'b', text: string) => `<article>
<h3>Answer ${side.toUpperCase()}</h3>
<div class="text">${escapeHtml(text)}</div>
${radios(`${id}:${side}`, `Answer ${side.toUpperCase()} is`, RESPONSE_LABELS)}
</article>`;
  return `<section class="item" data-id="${id}" data-type="${item.type}">
<h2>Item ${id}</h2>
<h3>Question as the model received it</h3>
<div class="text">${escapeHtml(item.prompt)}</div>
<p><strong>Answer key:</strong> ${escapeHtml(item.answerKey)}</p>
<div class="answers">
${answer('a', item.answerA)}
${item.answerB === null ? '' : answer('b', item.answerB)}
</div>
${item.answerB === null ? '' : radios(`${id}:pair`, 'Do A and B differ in clinical substance?', PAIR_LABELS)}
<label class="notes">Notes <textarea name="${id}:notes"></textarea></label>
</section>`;
}

function radios(name: string, legend: string, labels: readonly string[]): string {
  return `<fieldset><legend>${escapeHtml(legend)}</legend>${labels.map((l) => `<label><input type="radio" name="${name}" value="${l}"> ${l.replace('-', ' ')}</label>`).join('')}</fieldset>`;
}

/** The page's behaviour: progress, saving to local storage, and the downloads. Plain ES2017, no dependencies. */
function reviewScript(config: string): string {
  return `(function () {
  var config = ${config};
  var form = document.getElementById('review');
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  var reviewer = document.getElementById('reviewer');
  var items = Array.prototype.slice.call(document.querySelectorAll('section.item'));
  var storageKey = 'counterfair-review:' + config.pageId;
  function checked(name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : '';
  }
  function collect() {
    var at = new Date().toISOString();
    return items.map(function (section) {
      var id = section.getAttribute('data-id');
      return { item_id: id, label_a: checked(id + ':a'), label_b: checked(id + ':b'), label_pair: checked(id + ':pair'), reviewer: reviewer.value.trim(), reviewed_at: at, notes: form.elements[id + ':notes'].value };
    });
  }
  function labelled(section) {
    var id = section.getAttribute('data-id');
    return checked(id + ':a') !== '' && (section.getAttribute('data-type') === 'single' || (checked(id + ':b') !== '' && checked(id + ':pair') !== ''));
  }
  function update() {
    var done = 0;
    items.forEach(function (section) {
      var ok = labelled(section);
      section.classList.toggle('done', ok);
      if (ok) done++;
    });
    document.getElementById('progress').textContent = done + ' of ' + items.length + ' items labelled';
    try { localStorage.setItem(storageKey, JSON.stringify({ reviewer: reviewer.value, labels: collect() })); } catch (e) { /* storage unavailable: downloads still work */ }
  }
  function restore() {
    var saved;
    try { saved = JSON.parse(localStorage.getItem(storageKey) || 'null'); } catch (e) { saved = null; }
    if (!saved) return;
    reviewer.value = saved.reviewer || '';
    saved.labels.forEach(function (row) {
      ['a', 'b', 'pair'].forEach(function (side) {
        var value = row[side === 'pair' ? 'label_pair' : 'label_' + side];
        var input = value && form.querySelector('input[name="' + row.item_id + ':' + side + '"][value="' + value + '"]');
        if (input) input.checked = true;
      });
      var notes = form.elements[row.item_id + ':notes'];
      if (notes) notes.value = row.notes || '';
    });
  }
  function cell(value) {
    var text = String(value == null ? '' : value);
    return '"' + text.replace(/"/g, '""') + '"';
  }
  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  document.getElementById('download-csv').addEventListener('click', function () {
    var lines = [config.columns.map(cell).join(',')].concat(collect().map(function (row) { return config.columns.map(function (c) { return cell(row[c]); }).join(','); }));
    download('review-labels.csv', 'text/csv', lines.join('\\r\\n') + '\\r\\n');
  });
  document.getElementById('download-json').addEventListener('click', function () {
    download('review-labels.json', 'application/json', JSON.stringify({ format: config.format, labels: collect() }, null, 2));
  });
  form.addEventListener('change', update);
  form.addEventListener('input', update);
  reviewer.addEventListener('input', update);
  restore();
  update();
})();`;
}
