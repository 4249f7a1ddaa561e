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
footer.site{border-top:1px solid var(--line);border-bottom:0;margin-top:3rem;font-size:.95rem;color:var(--muted)}
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
form.search input{flex:1 1 14rem;font:inherit;padding:.5rem;border:1px solid var(--muted);border-radius:4px;background:var(--bg);color:var(--fg)}
button,.button{font:inherit;padding:.5rem 1rem;border-radius:4px;border:1px solid var(--accent);background:var(--accent);color:var(--bg);cursor:pointer}
@media print{header.site nav,form.search,.skip,footer.site nav{display:none}body{font-size:12pt;color:#000;background:#fff}a{color:#000}.sources a::after{content:" (" attr(href) ")"}}
`;
