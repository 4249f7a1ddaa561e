/**
 * The editor's stylesheet and its one script, served as files (/assets/editor.css,
 * /assets/editor.js) because the content security policy allows no inline style or script.
 * Every editor page works without the script: it only adds live checks while typing, the body
 * toolbar, footnote suggestions, extra source rows and the soft-lock heartbeat.
 */

export const EDITOR_CSS = `
.editor-nav{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;align-items:center;border-bottom:1px solid var(--line);padding:.5rem 0;margin-bottom:1rem}
.editor-nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0;padding:0}
.editor-nav a{display:inline-block;padding:.35rem 0}
.editor-nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
.editor-nav .count{display:inline-block;min-width:1.4em;margin-left:.3em;padding:0 .35em;border-radius:1em;background:var(--accent);color:var(--bg);font-size:.8rem;font-weight:700;text-align:center}
.editor-nav form{margin-left:auto;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.editor{overflow-wrap:anywhere}
.editor .wide{max-width:none}
.editor table{border-collapse:collapse;width:100%;overflow-wrap:normal}
.editor th,.editor td{overflow-wrap:break-word}
.editor th,.editor td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
.editor .table-scroll{overflow-x:auto;max-width:100%}
.editor .table-scroll:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.editor input[type=text],.editor input[type=url],.editor input[type=date],.editor input[type=search],.editor input[type=password],.editor input[type=datetime-local],.editor select,.editor textarea{width:100%;max-width:100%;font:inherit;padding:.35rem .45rem;border:1px solid var(--muted);border-radius:4px;background:var(--bg);color:var(--fg)}
.editor textarea{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.92rem;line-height:1.5}
.editor button,.editor .button{font:inherit;padding:.4rem .8rem;border:1px solid var(--accent);border-radius:4px;background:var(--panel);color:var(--fg);cursor:pointer;min-height:44px}
.editor button.primary{background:var(--accent);color:var(--bg)}
.editor .state{display:inline-block;padding:0 .4rem;border-radius:4px;background:var(--panel);border:1px solid var(--line);font-size:.85rem}
.editor .problems{border-left:4px solid var(--alert);padding:.25rem .75rem;background:var(--alert-bg)}
.editor .lint-warn{color:var(--warn)}.editor .lint-error{color:var(--alert)}
.editor .notice{border-left:4px solid var(--ok);padding:.25rem .75rem;background:var(--panel)}
.editor .condition-codes a{white-space:nowrap}
.editor ins{background:#c9f0d2;color:#0b3d18;text-decoration:underline;text-decoration-style:dotted}
.editor del{background:#fbd3d3;color:#5c0b0b;text-decoration:line-through}
.editor pre.diff{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid var(--line);padding:.75rem;font-size:.9rem}
.editor .actions form{display:inline-block;margin:.25rem .5rem .25rem 0;vertical-align:top}
.editor .preview{border:2px dashed var(--line);padding:.5rem 1rem;margin:1rem 0}
.editor .preview-label{font-size:.85rem;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
.editor fieldset{border:1px solid var(--line);border-radius:6px;margin:1rem 0;padding:.5rem 1rem}
.editor legend{font-weight:700;padding:0 .25rem}
.editor .field{margin:0 0 1rem}
.editor .field label,.editor .field .label{display:block;font-weight:600}
.editor .help{display:block;color:var(--muted);font-size:.92rem;margin:.1rem 0 .25rem}
.editor .field-messages:empty{display:none}
.editor .field-messages{list-style:none;margin:.25rem 0 0;padding:.25rem .5rem;border-left:3px solid var(--warn);font-size:.92rem}
.editor .field-messages li{margin:.15rem 0}
.editor .field-messages .fix{display:block;color:var(--muted)}
.editor .invalid input,.editor .invalid textarea,.editor .invalid select{border-color:var(--alert);border-width:2px}
.editor .counts{font-size:.92rem;color:var(--muted);margin:.25rem 0}
.editor .over{color:var(--alert);font-weight:700}
.editor .source-row{border-top:1px solid var(--line);padding:.5rem 0;display:grid;grid-template-columns:1fr;gap:.25rem .75rem}
@media (min-width:48rem){.editor .source-row{grid-template-columns:9rem 1fr 1fr 10rem}.editor .source-row .f-title{grid-column:span 3}.editor .source-row .f-url{grid-column:span 2}}
.editor details.more{margin:1rem 0}.editor details.more>summary{cursor:pointer;font-weight:600;min-height:44px;display:flex;align-items:center}
.editor .toolbar{display:flex;flex-wrap:wrap;gap:.25rem;margin:.25rem 0}
.editor .toolbar button{min-height:36px;padding:.2rem .6rem}
.editor .suggest{display:flex;flex-wrap:wrap;gap:.25rem;margin:.25rem 0}
.editor .tabs{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0 1rem}
.editor .tabs [aria-pressed=true]{background:var(--accent);color:var(--bg)}
.editor .diff-fields{display:grid;gap:.5rem}
.editor .diff-row{display:grid;grid-template-columns:1fr;gap:.5rem;border-top:1px solid var(--line);padding:.5rem 0}
.editor .diff-side .diff-row{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}
.editor .diff-row .diff-label{grid-column:1/-1;font-weight:600;font-size:.92rem}
.editor .diff-cell{white-space:pre-wrap;overflow-wrap:anywhere;min-width:0;padding:.25rem .5rem;border-radius:4px;background:var(--panel)}
.editor .diff-cell.empty{background:transparent;border:1px dashed var(--line)}
.editor .diff-status{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.editor .diff-same{color:var(--muted)}
@media (max-width:40rem){.editor .diff-side .diff-row{grid-template-columns:minmax(0,1fr)}}
.editor .lock{border-left:4px solid var(--warn);padding:.25rem .75rem;background:var(--panel)}
.editor .once{border:2px solid var(--warn);padding:.5rem 1rem;font-family:ui-monospace,monospace;overflow-wrap:anywhere}
.editor .filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.5rem 1rem;align-items:end}
.editor .pager{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
.editor .notices{padding-left:1.2rem}
.editor .notices li{margin:.35rem 0;overflow-wrap:anywhere}
.editor .notices .new{color:var(--accent)}
.editor .notices q{display:block;color:var(--muted)}
.editor .notices time{color:var(--muted);font-size:.9rem}
.editor .task-counts{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.75rem;list-style:none;padding:0}
.editor .task-counts li{border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem}
.editor .task-counts strong{font-size:1.5rem;display:block}
.editor .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.wrap:has(.editor){max-width:75rem}
`;

export const EDITOR_JS = `(() => {
  'use strict';
  const form = document.querySelector('form[data-answer-form]');
  if (!form) return;
  const csrf = form.querySelector('input[name=_csrf]').value;
  const mode = form.querySelector('input[name=mode]').value;
  const summary = document.getElementById('live-summary');
  const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

  // ---- body toolbar
  const body = form.querySelector('textarea[name=body]') || form.querySelector('textarea[name=markdown]');
  const insert = (before, after, placeholder) => {
    const s = body.selectionStart, e = body.selectionEnd;
    const chosen = body.value.slice(s, e) || placeholder;
    body.setRangeText(before + chosen + after, s, e, 'end');
    body.focus();
    body.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const lineStart = (prefix) => {
    const s = body.selectionStart;
    const at = body.value.lastIndexOf('\\n', s - 1) + 1;
    body.setRangeText(prefix, at, at, 'end');
    body.focus();
    body.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const toolbar = document.getElementById('body-toolbar');
  if (toolbar && body) {
    toolbar.hidden = false;
    toolbar.addEventListener('click', (ev) => {
      const b = ev.target.closest('button[data-md]');
      if (!b) return;
      ev.preventDefault();
      const kind = b.dataset.md;
      if (kind === 'heading') lineStart('## ');
      else if (kind === 'list') lineStart('- ');
      else if (kind === 'numbered') lineStart('1. ');
      else if (kind === 'bold') insert('**', '**', 'important');
      else if (kind === 'footnote') insert('[^', ']', sourceIds()[0] || 'source-id');
    });
  }

  // ---- footnote ids offered as you type [^
  const sourceIds = () =>
    [...form.querySelectorAll('input[name$=".id"][name^="sources."]')].map((i) => i.value.trim()).filter(Boolean);
  const suggest = document.getElementById('footnote-suggest');
  const offer = () => {
    if (!suggest || !body) return;
    const upto = body.value.slice(0, body.selectionStart);
    const m = /\\[\\^([A-Za-z0-9_-]*)$/.exec(upto);
    const ids = m ? sourceIds().filter((id) => id.startsWith(m[1])) : [];
    suggest.hidden = !ids.length;
    suggest.innerHTML = ids.length
      ? '<span>Cite a source:</span> ' + ids.map((id) => '<button type="button" data-id="' + escape(id) + '">[^' + escape(id) + ']</button>').join(' ')
      : '';
  };
  if (suggest && body) {
    body.addEventListener('input', offer);
    body.addEventListener('click', offer);
    suggest.addEventListener('click', (ev) => {
      const b = ev.target.closest('button[data-id]');
      if (!b) return;
      const upto = body.value.slice(0, body.selectionStart);
      const m = /\\[\\^([A-Za-z0-9_-]*)$/.exec(upto);
      const from = body.selectionStart - (m ? m[1].length : 0);
      body.setRangeText(b.dataset.id + ']', from, body.selectionStart, 'end');
      body.focus();
      suggest.hidden = true;
      body.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  // ---- one more source row
  const addRow = document.getElementById('add-source');
  if (addRow) {
    addRow.hidden = false;
    addRow.addEventListener('click', (ev) => {
      ev.preventDefault();
      const rows = form.querySelectorAll('.source-row');
      const last = rows[rows.length - 1];
      const next = rows.length;
      const copy = last.cloneNode(true);
      copy.querySelectorAll('[name],[id],[for],[aria-describedby]').forEach((el) => {
        for (const attr of ['name', 'id', 'for', 'aria-describedby']) {
          const v = el.getAttribute(attr);
          if (v) el.setAttribute(attr, v.replace(/sources([.-])\\d+/g, 'sources$1' + next));
        }
        if (el.tagName === 'INPUT') el.value = '';
        if (el.classList.contains('field-messages')) el.innerHTML = '';
      });
      const legend = copy.querySelector('.row-title');
      if (legend) legend.textContent = 'Source ' + (next + 1);
      last.after(copy);
      copy.querySelector('input').focus();
    });
  }

  // ---- live checks
  const counts = (stats) => {
    const set = (id, n, budget) => {
      const el = document.getElementById(id);
      if (!el) return;
      el.textContent = n + ' of ' + budget + ' words';
      el.classList.toggle('over', n > budget);
    };
    set('count-tldr', stats.tldrWords, stats.tldrBudget);
    set('count-body', stats.bodyWords, stats.bodyBudget);
    const g = document.getElementById('grade');
    if (g) {
      g.textContent = stats.grade === null ? 'too short to grade' : 'grade ' + stats.grade + ' (target ' + stats.targetGrade + ' or below)';
      g.classList.toggle('over', stats.grade !== null && stats.grade > stats.targetGrade);
    }
  };
  const show = (result) => {
    form.querySelectorAll('.field-messages').forEach((ul) => (ul.innerHTML = ''));
    form.querySelectorAll('.invalid').forEach((el) => el.classList.remove('invalid'));
    let unplaced = 0;
    for (const m of result.messages) {
      const key = mode === 'markdown' ? 'markdown' : m.field || '';
      let ul = key ? document.getElementById('msg-' + key.replace(/[.]/g, '-')) : null;
      // a message about a row field that has no box of its own goes to the row, then to the summary
      if (!ul && key.includes('.')) ul = document.getElementById('msg-' + key.split('.').slice(0, 2).join('-'));
      if (!ul) { unplaced++; ul = document.getElementById('msg-answer'); }
      if (!ul) continue;
      const where = m.bodyLine ? 'Line ' + m.bodyLine + ': ' : mode === 'markdown' && m.line ? 'Line ' + m.line + ': ' : '';
      ul.insertAdjacentHTML('beforeend', '<li class="lint-' + (m.severity === 'warn' ? 'warn' : 'error') + '"><strong>' + (m.severity === 'warn' ? 'Warning' : 'Error') + ':</strong> ' + where + escape(m.message) + (m.ruleId && m.ruleId !== 'form' ? ' <span class="rule">[' + escape(m.ruleId) + ']</span>' : '') + (m.hint ? '<span class="fix">How to fix: ' + escape(m.hint) + '</span>' : '') + '</li>');
      if (m.severity === 'error') ul.closest('.field, fieldset')?.classList.add('invalid');
    }
    counts(result.stats);
    const errors = result.messages.filter((m) => m.severity === 'error').length;
    const warnings = result.messages.length - errors;
    if (summary) summary.textContent = result.messages.length ? 'Checks: ' + errors + ' error' + (errors === 1 ? '' : 's') + ', ' + warnings + ' warning' + (warnings === 1 ? '' : 's') + '.' : 'Checks: nothing to improve.';
  };
  let timer = 0, seq = 0;
  const run = async () => {
    const mine = ++seq;
    const data = {};
    for (const [k, v] of new FormData(form)) if (typeof v === 'string' && !k.startsWith('_')) data[k] = v;
    const payload = mode === 'markdown' ? { markdown: data.markdown || '' } : { form: data };
    try {
      const res = await fetch('/editor/api/check', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(payload), credentials: 'same-origin' });
      if (mine !== seq) return;
      if (!res.ok) { if (summary) summary.textContent = 'Live checks are unavailable (' + res.status + '); use “Preview and check”.'; return; }
      show(await res.json());
    } catch { if (summary) summary.textContent = 'Live checks are unavailable; use “Preview and check”.'; }
  };
  form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 350); });
  form.dataset.live = 'on';
  run();

  // ---- soft lock heartbeat
  const lockUrl = form.dataset.lock;
  if (lockUrl) setInterval(() => fetch(lockUrl, { method: 'POST', headers: { 'x-csrf-token': csrf }, credentials: 'same-origin' }).catch(() => {}), 60000);
})();
`;
