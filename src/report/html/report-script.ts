/**
 * The page's only script: reads the evidence data island and fills the evidence panel when a
 * linked number is clicked (or the page is opened at `#evidence-...`). It builds every node
 * with `textContent`, never `innerHTML`, so document text cannot become markup. No network.
 */
export const REPORT_SCRIPT = String.raw`
(function () {
  'use strict';
  var island = document.getElementById('evidence-data');
  var panel = document.getElementById('evidence-panel');
  if (!island || !panel) return;
  var data = JSON.parse(island.textContent || '{}');
  var title = document.getElementById('evidence-title');
  var summary = document.getElementById('evidence-summary');
  var notes = document.getElementById('evidence-notes');
  var body = panel.querySelector('tbody');
  var byId = {};
  data.documents.forEach(function (d) { byId[d.id] = d; });

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  function where(r) { return (r[2] === null ? '' : 'p. ' + r[2] + ', ') + 'l. ' + r[3]; }
  // A period's rows name their document (r[9]): its documents in order, then text order.
  function byPosition(a, b) { return (a.row[9] || '') < (b.row[9] || '') ? -1 : (a.row[9] || '') > (b.row[9] || '') ? 1 : a.row[3] - b.row[3] || a.row[4] - b.row[4]; }
  function unitOf(r, k) { return (r[9] || '') + ' ' + r[k]; }

  // Rows of one document for a filter: [{ code, row, unit }], in text order, and the cut groups.
  function select(doc, filter) {
    var rows = [], cut = [];
    if (filter.pair) {
      var k = filter.pair.unit === 'sentence' ? 5 : 6, inA = {}, inB = {};
      doc.codes.forEach(function (c) {
        c.rows.forEach(function (r) {
          if (c.theme === filter.pair.a) inA[unitOf(r, k)] = true;
          if (c.theme === filter.pair.b) inB[unitOf(r, k)] = true;
        });
      });
      doc.codes.forEach(function (c) {
        if (c.theme !== filter.pair.a && c.theme !== filter.pair.b) return;
        if (c.count > c.rows.length) cut.push(c);
        c.rows.forEach(function (r) { if (inA[unitOf(r, k)] && inB[unitOf(r, k)]) rows.push({ code: c, row: r, unit: (k === 5 ? 'sentence ' : 'paragraph ') + r[k] }); });
      });
    } else {
      doc.codes.forEach(function (c) {
        if (filter.theme !== undefined && c.theme !== filter.theme) return;
        if (filter.code !== undefined && c.code !== filter.code) return;
        if (c.count > c.rows.length) cut.push(c);
        c.rows.forEach(function (r) { rows.push({ code: c, row: r, unit: '' }); });
      });
    }
    rows.sort(byPosition);
    return { rows: rows, cut: cut };
  }

  function show(id) {
    var filter = data.links[id];
    if (!filter) return false;
    var docs = filter.documents.length > 0 ? filter.documents : data.documents.map(function (d) { return d.id; });
    while (body.firstChild) body.removeChild(body.firstChild);
    while (notes.firstChild) notes.removeChild(notes.firstChild);
    var shown = 0, total = 0, inDocs = 0;
    docs.forEach(function (docId) {
      var doc = byId[docId];
      if (!doc) return;
      var picked = select(doc, filter);
      if (picked.rows.length > 0) inDocs++;
      picked.cut.forEach(function (c) {
        notes.appendChild(el('li', doc.id + ', ' + c.theme + ' / ' + c.code + ': ' + (c.rows.length === 0 ? 'none of the ' + c.count + ' mentions are embedded in this page' : 'the first ' + c.rows.length + ' of ' + c.count +
          ' mentions are shown') + '; all are in evidence.csv (' + (doc.pooled ? 'the documents of ' + doc.id : 'document=' + doc.id) + ', code=' + c.code + ').'));
      });
      picked.rows.forEach(function (item) {
        var r = item.row, tr = el('tr');
        tr.setAttribute('data-document', r[9] || doc.id);
        tr.setAttribute('data-code', item.code.code);
        var meta = el('td', null, 'meta');
        var docName = el('span', r[9] || doc.id, 'doc');
        docName.title = doc.title + ' (' + doc.date + ')';
        meta.appendChild(docName);
        meta.appendChild(el('span', (item.unit ? item.unit + ', ' : '') + where(r), 'where'));
        var codeName = el('span', item.code.theme + ' / ' + item.code.code, 'code');
        codeName.title = 'codebook term: ' + r[0];
        meta.appendChild(codeName);
        tr.appendChild(meta);
        var passage = el('td', null, 'passage');
        if (r[7]) passage.appendChild(document.createTextNode(r[7]));
        passage.appendChild(el('mark', r[1]));
        if (r[8]) passage.appendChild(document.createTextNode(r[8]));
        tr.appendChild(passage);
        body.appendChild(tr);
        shown++;
      });
      if (!filter.pair) doc.codes.forEach(function (c) {
        if ((filter.theme === undefined || c.theme === filter.theme) && (filter.code === undefined || c.code === filter.code)) total += c.count;
      });
    });
    title.textContent = 'Evidence: ' + filter.label;
    summary.textContent = filter.pair
      ? shown + ' mentions in units holding both themes, in ' + inDocs + ' document' + (inDocs === 1 ? '' : 's') + ', in text order.'
      : total + ' mention' + (total === 1 ? '' : 's') + ' in ' + inDocs + ' document' + (inDocs === 1 ? '' : 's') + '; ' + shown + ' shown, in text order.';
    if (shown === 0) {
      var tr = el('tr'), td = el('td', 'No mentions.');
      td.colSpan = 2;
      tr.appendChild(td);
      body.appendChild(tr);
    }
    panel.setAttribute('data-anchor', id);
    panel.hidden = false;
    document.body.classList.add('panel-open');
    panel.scrollTop = 0;
    panel.focus({ preventScroll: true });
    return true;
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest('a') : null;
    if (!link) return;
    var href = link.getAttribute('href') || '';
    if (href.indexOf('#evidence-') !== 0) return;
    if (show(href.slice(1))) {
      event.preventDefault();
      try { history.replaceState(null, '', href); } catch (e) { /* file: URLs may refuse; the panel is open anyway */ }
    }
  });
  window.addEventListener('hashchange', function () { show(location.hash.slice(1)); });
  function hide() { panel.hidden = true; document.body.classList.remove('panel-open'); }
  document.getElementById('evidence-close').addEventListener('click', hide);
  document.addEventListener('keydown', function (event) { if (event.key === 'Escape') hide(); });
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
  if (location.hash.indexOf('#evidence-') === 0) show(location.hash.slice(1));
})();
`;
