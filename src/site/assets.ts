/** The site's one stylesheet: mobile first, readable, dark mode, print. No client JavaScript. */
export const SITE_CSS = `
:root{--fg:#1b1b1f;--muted:#4a4f57;--bg:#fff;--panel:#f3f6f9;--line:#d5dbe1;--accent:#0b5cad;--ok:#1d6b34;--warn:#8a4b00;--alert-bg:#fde8e8;--alert:#8b1111;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--fg:#eceff3;--muted:#b7bec8;--bg:#121417;--panel:#1d2126;--line:#39404a;--accent:#8cc4ff;--ok:#7fd699;--warn:#ffc27a;--alert-bg:#3a1515;--alert:#ffb4b4}}
*{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent);text-underline-offset:.15em}
a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem}
header.site,footer.site{background:var(--panel);border-bottom:1px solid var(--line)}
footer.site{border-top:1px solid var(--line);border-bottom:0;margin-top:3rem;color:var(--muted)}
footer.site p,footer.site li{font-size:.95rem}
.wrap{max-width:70ch;margin:0 auto;padding:1rem}
header.site .wrap{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between}
.brand{font-weight:700;font-size:1.2rem;text-decoration:none;color:var(--fg)}
nav.site ul{list-style:none;margin:0;padding:0;display:flex;gap:1rem;flex-wrap:wrap}
h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.3rem;margin:2rem 0 .5rem}
.breadcrumbs ol{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem;font-size:.95rem}
.breadcrumbs li+li::before{content:"›";margin-right:.25rem;color:var(--muted)}
.tldr{background:var(--panel);border-left:4px solid var(--accent);padding:.75rem 1rem;margin:1rem 0}
.tldr h2{margin:0 0 .25rem;font-size:1rem;text-transform:uppercase;letter-spacing:.04em}
.tldr p{margin:0}
.review{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:1.5rem 0}
.review.reviewed{border-color:var(--ok)}
.review.awaiting,.review.imported{border-color:var(--warn)}
.review p{margin:.25rem 0}
.facts{color:var(--muted);font-size:.95rem}
.disclaimer{font-size:.95rem;color:var(--muted);border-top:1px solid var(--line);padding-top:1rem;margin-top:2rem}
.sources li{margin:.35rem 0;overflow-wrap:anywhere}
sup.cite{font-size:.75em;line-height:0}
.az{columns:2 14rem;padding-left:1.2rem}
.az li{break-inside:avoid;margin:.2rem 0}
.aka{color:var(--muted)}
.answers li{margin:.4rem 0}
.status{font-size:.9rem;color:var(--muted)}
.urgent{background:var(--alert-bg);color:var(--alert);border:2px solid var(--alert);border-radius:6px;padding:.75rem 1rem;margin:1rem 0;font-weight:600}
form.search{display:flex;gap:.5rem;flex-wrap:wrap;margin:1rem 0}
form.search input,form.search textarea{flex:1 1 14rem;min-width:0;font:inherit;padding:.5rem;border:1px solid var(--muted);border-radius:4px;background:var(--bg);color:var(--fg)}
form.search textarea{flex-basis:100%;resize:vertical}
button,.button{font:inherit;padding:.5rem 1rem;border-radius:4px;border:1px solid var(--accent);background:var(--accent);color:var(--bg);cursor:pointer}
nav.site ul,footer.site nav ul{row-gap:.25rem}
footer.site nav ul{list-style:none;padding:0;margin:.5rem 0 0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
.vh{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
form.search.compact{margin:0;flex:1 1 16rem}
form.search.compact input{min-width:0}
form.search label{flex:1 0 100%}
form.search.compact label{flex:none}
.results li{margin:1rem 0}
.letters{display:flex;flex-wrap:wrap;gap:.25rem;padding:0;margin:1rem 0;list-style:none}
.letters a{display:inline-block;min-width:2.25rem;min-height:2.25rem;line-height:2.25rem;text-align:center;border:1px solid var(--line);border-radius:4px;text-decoration:none}
code{overflow-wrap:anywhere}
.results p{margin:.25rem 0}
.credentials{font-weight:600}
main:focus{outline:none}
a,button,input{min-height:24px}
.feedback{border-top:1px solid var(--line);margin:2rem 0 0;padding-top:.5rem}.feedback h2{font-size:1.1rem;margin:.5rem 0}.feedback-choices{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-start}.feedback details{flex:1 1 16rem}.feedback summary{display:inline-block;list-style:none}.feedback summary::-webkit-details-marker{display:none}.feedback label{display:block;margin:.75rem 0 .25rem;font-weight:600}.feedback textarea{width:100%;font:inherit;padding:.5rem;border:1px solid var(--muted);border-radius:4px;background:var(--bg);color:var(--fg)}.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.gaps{padding-left:1.25rem}.gap{border-bottom:1px solid var(--line);padding:.5rem 0 1rem}.gap h2{margin:.5rem 0 .25rem}.gap h3{font-size:1rem;margin:.75rem 0 .25rem}.gap .examples q{overflow-wrap:anywhere}.gap .actions input,.gap .actions select{font:inherit;max-width:100%}.gap .actions form{display:inline-block;margin:.25rem .75rem .25rem 0;vertical-align:top}.gap .actions label{display:inline-block;margin:.25rem 0}.feedback-panel summary{cursor:pointer}
@media print{header.site nav,form.search,.skip,footer.site nav,.breadcrumbs{display:none}h1,h2{break-after:avoid}.review,.tldr{break-inside:avoid}body{font-size:12pt;color:#000;background:#fff}a{color:#000}.sources a::after{content:" (" attr(href) ")"}}
`;

/**
 * Client-side search for the static export only (the server renders results itself). It mirrors
 * searchDocs() in search-index.ts: same words, same field weights. Builds DOM nodes with
 * textContent only — never innerHTML — so index content cannot inject markup.
 */
export const SEARCH_JS = `(() => {
  const STOP = new Set('a an and are can do does for from how i in is it my of on or the to what when where which who why with you your'.split(' '));
  const words = (t) => (String(t).toLowerCase().match(/[a-z0-9]+/g) || []).filter((w) => w.length > 1 && !STOP.has(w));
  const el = (tag, text, attrs) => { const e = document.createElement(tag); if (text) e.textContent = text; Object.assign(e, attrs || {}); return e; };
  const out = document.getElementById('ask-results');
  const q = new URLSearchParams(location.search).get('q') || '';
  if (!out || !q.trim()) return;
  fetch('/search-index.json').then((r) => r.json()).then((index) => {
    const qw = [...new Set(words(q))];
    const hits = [];
    for (const d of index.docs) {
      const fields = [[words(d.condition + ' ' + d.synonyms.join(' ')), 3], [words(d.question), 2], [words(d.tldr), 1]];
      let score = 0;
      for (const w of qw) {
        let best = 0;
        for (const [ws, weight] of fields) if (ws.some((x) => x === w || (w.length >= 4 && x.startsWith(w)))) best = Math.max(best, weight);
        score += best;
      }
      if (score > 0) hits.push({ d, score });
    }
    hits.sort((a, b) => b.score - a.score || a.d.id.localeCompare(b.d.id));
    out.replaceChildren();
    const h = el('h2', hits.length ? hits.length > 10 ? 'Top 10 answers' : hits.length + (hits.length === 1 ? ' answer' : ' answers') : "We don't have a reviewed answer to that yet", { id: 'results-heading' });
    out.append(h);
    const ol = el('ol', '', { className: 'results' });
    for (const { d } of hits.slice(0, 10)) {
      const li = el('li');
      li.append(el('a', d.question, { href: d.path }), el('p', d.condition + ' · ' + d.review, { className: 'status' }), el('p', d.tldr));
      ol.append(li);
    }
    if (hits.length) out.append(ol);
    const p = el('p');
    p.append(el('a', 'Browse all conditions A–Z', { href: '/' }));
    out.append(p);
  }).catch(() => {});
})();
`;
