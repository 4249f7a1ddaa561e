/**
 * Every path by which text reaches HTML, fed the whole XSS corpus: public pages (condition hub,
 * answer pages with reviewed and imported badges, reviewer and about pages, home), the /ask
 * query echo, error pages echoing the path, the editor (answer, review diff, edit form, history,
 * comments, list filters, audit, preview of a posted draft, gap queue with 'not in scope' reasons,
 * My tasks with the notification outbox) and the static export. Each document
 * is parsed like a browser would and must contain no executable markup.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AskLogRepo } from '../../src/asklog/index.js';
import { OriginSchema, SourceSchema } from '../../src/content/index.js';
import { checkOutDir, defaultSiteConfig, exportSite } from '../../src/site/index.js';
import { recordFigures } from '../helpers/figures.js';
import { dangerousUrl, executableMarkup, type Violation } from './html-safety.js';
import { XSS_PAYLOADS } from './xss-payloads.js';
import { startXssSite, type XssSite } from './xss-site.js';

interface Finding extends Violation {
  path: string;
}

let site: XssSite;
const findings: Finding[] = [];
const counts = { documents: 0, publicDocuments: 0, editorDocuments: 0, exportedDocuments: 0 };

beforeAll(async () => {
  site = await startXssSite(XSS_PAYLOADS);
}, 120_000);

afterAll(async () => {
  await site?.close();
  recordFigures('xss', {
    payloads: XSS_PAYLOADS.length,
    groups: [...new Set(XSS_PAYLOADS.map((p) => p.group))],
    ...counts,
    refusedBySchema: site?.refused,
    executableFindings: findings.length,
  });
});

async function check(path: string, init: RequestInit = {}, expectHtml = true): Promise<number> {
  const res = await site.app.request(path, init);
  const type = res.headers.get('content-type') ?? '';
  const body = await res.text();
  if (!type.startsWith('text/html')) {
    // Anything not declared HTML must not be sniffed into HTML either.
    expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    if (expectHtml) throw new Error(`${path}: expected HTML, got ${res.status} ${type}`);
    return res.status;
  }
  counts.documents++;
  for (const v of executableMarkup(body)) findings.push({ path, ...v });
  return res.status;
}

const enc = encodeURIComponent;

describe('XSS corpus', () => {
  it(`has at least 200 distinct payloads across every trick (${XSS_PAYLOADS.length})`, () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(XSS_PAYLOADS.map((p) => p.text)).size).toBe(XSS_PAYLOADS.length);
    const groups = new Set(XSS_PAYLOADS.map((p) => p.group));
    for (const g of [
      'script-tag',
      'event-handler',
      'url-scheme',
      'svg',
      'malformed-html',
      'markdown',
      'jsonld-breakout',
    ]) {
      expect(groups, g).toContain(g);
    }
  });

  it('the checker itself finds every kind of executable markup it claims to (so a pass means something)', () => {
    const unsafe = [
      '<script>alert(1)</script>',
      '<p><img src=x onerror=alert(1)></p>',
      '<a href=" java\tscript:alert(1)">x</a>',
      '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
      '<iframe srcdoc="x"></iframe>',
      '<base href="https://evil.example/">',
      '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
      '<script type="application/ld+json">{"a":"<!--<script>"}</script>',
      '<form action="data:text/html,x"></form>',
      '<template><img src=x onerror=alert(1)></template>',
      '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
    ];
    for (const html of unsafe) expect(executableMarkup(html), html).not.toEqual([]);
    const safe = [
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
      '<script type="application/ld+json">{"a":"\\u003c/script\\u003e"}</script>',
      '<a href="https://example.org/?q=javascript:alert(1)">x</a>',
      '<script src="/assets/search.js" defer></script>',
      '<p title="&quot; onmouseover=&quot;alert(1)">x</p>',
    ];
    for (const html of safe) expect(executableMarkup(html), html).toEqual([]);
  });

  it('the content schema refuses script URLs for sources and imported pages', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<script>',
      'vbscript:x',
    ]) {
      expect(SourceSchema.safeParse({ id: 'a', title: 't', url, accessed: '2026-01-01' }).success, url).toBe(
        false,
      );
      expect(OriginSchema.safeParse({ collection: 'medquad', publisher: 'p', url }).success, url).toBe(false);
    }
    expect(dangerousUrl('https://example.org/')).toBe(false);
  });

  it('public pages: no executable markup for any payload', async () => {
    const before = counts.documents;
    const seen = findings.length;
    for (const path of ['/', '/about/medical-review', '/api/v1/docs']) expect(await check(path)).toBe(200);
    for (const [i, p] of XSS_PAYLOADS.entries()) {
      const n = i + 1;
      expect(await check(`/conditions/c-${n}`)).toBe(200);
      expect(await check(`/reviewers/r-${n}`)).toBe(200);
      const answers = await site.store.listPublishedAnswers(`c-${n}`);
      expect(answers.length, `answers of c-${n}`).toBeGreaterThan(0);
      for (const a of answers) expect(await check(`/conditions/c-${n}/${a.slug}`)).toBe(200);
      // the query echo and error pages that repeat the request path
      expect(await check(`/ask?q=${enc(p.text)}`)).toBe(200);
      expect(await check(`/conditions/${enc(p.text)}`)).toBe(404);
      expect(await check(`/conditions/c-${n}/${enc(p.text)}`)).toBe(404);
      expect(await check(`/${enc(p.text)}`)).toBe(404);
      expect(await check(`/login?next=${enc(p.text)}`)).toBe(200);
    }
    counts.publicDocuments = counts.documents - before;
    expect(findings.slice(seen, seen + 20)).toEqual([]);
  }, 180_000);

  it('editor pages, comments, diffs and previews: no executable markup for any payload', async () => {
    const before = counts.documents;
    const seen = findings.length;
    const headers = { cookie: site.editorCookie };
    expect(await check('/editor', { headers })).toBe(200);
    expect(await check('/editor/audit', { headers })).toBe(200);
    expect(await check('/editor/queue', { headers })).toBe(200);
    for (const p of XSS_PAYLOADS) {
      const id = site.answerIds.get(p.id);
      expect(id, p.id).toBeDefined();
      const revisions = await site.store.listRevisions(id!);
      expect(revisions.length).toBeGreaterThan(1);
      for (const suffix of [
        '',
        '/review',
        '/edit',
        `/history?from=${revisions[0]!.id}&to=${revisions.at(-1)!.id}`,
      ]) {
        expect(await check(`/editor/answers/${id}${suffix}`, { headers })).toBe(200);
      }
      expect(await check(`/editor?condition=${enc(p.text)}&state=${enc(p.text)}`, { headers })).toBe(200);
      expect(await check(`/editor/audit?actor=${enc(p.text)}&entity=${enc(p.text)}`, { headers })).toBe(200);
      // a draft posted for preview: the preview renders the payload as the page would
      const markdown = `---\nquestion: "${p.text.replace(/["\\]/g, '')} ?"\ncondition: c-1\naspect: overview\ntldr: ${JSON.stringify(p.text)}\n---\n${p.text}\n`;
      const status = await check('/editor/new', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: site.csrf, markdown, intent: 'preview' }).toString(),
      });
      expect([200, 422]).toContain(status);
    }
    // The codes line is on the editor answer page, beside the payload condition names.
    const first = await site.app.request(`/editor/answers/${site.answerIds.get(XSS_PAYLOADS[0]!.id)}`, {
      headers,
    });
    expect(await first.text()).toContain('Q76.49');
    counts.editorDocuments = counts.documents - before;
    expect(findings.slice(seen, seen + 20)).toEqual([]);
  }, 180_000);

  it('question log, gap queue, its CSV and page feedback: no executable markup, no formula cells', async () => {
    const before = counts.documents;
    const seen = findings.length;
    const headers = { cookie: site.editorCookie };
    const view = (await site.store.getPublishedAnswer('c-1', 'overview'))!;
    for (const p of XSS_PAYLOADS) {
      // /ask pages were requested above; the API and a feedback comment carry each payload too
      await site.app.request(`/api/v1/ask?q=${enc(`what causes ${p.text}`)}`);
      await site.app.request('/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          revision: String(view.revision.id),
          helpful: 'no',
          comment: p.text,
        }).toString(),
      });
    }
    await site.flushAskLog();
    const log = new AskLogRepo(site.store);
    expect(await log.countAsks()).toBeGreaterThanOrEqual(XSS_PAYLOADS.length);
    expect((await log.feedbackFor(view.id))[0]!.no).toBe(XSS_PAYLOADS.length);
    // 'Not in scope' with a payload as the reason, for as many gap groups as there are payloads.
    const report = JSON.parse(
      await (await site.app.request('/editor/gaps?since=90d&format=json', { headers })).text(),
    ) as { groups: { focus: string; aspect: string }[] };
    expect(report.groups.length).toBeGreaterThan(0);
    for (const [k, g] of report.groups.slice(0, XSS_PAYLOADS.length).entries()) {
      const res = await site.app.request('/editor/gaps/scope', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          _csrf: site.csrf,
          focus: g.focus,
          aspect: g.aspect,
          reason: XSS_PAYLOADS[k]!.text,
          since: '90d',
        }).toString(),
      });
      expect(res.status, `scope ${g.focus}`).toBe(303);
    }
    for (const days of ['7d', '90d'])
      expect(await check(`/editor/gaps?since=${days}`, { headers })).toBe(200);
    // My tasks: the notification outbox rows written by submit and request-changes (their
    // details carry the payload questions).
    expect(await check('/editor/tasks', { headers })).toBe(200);
    // The author's own notifications: each request for changes, its payload question and comment.
    const authorTasks = await site.app.request('/editor/tasks', { headers: { cookie: site.authorCookie } });
    // (the page lists the latest 20)
    expect((await authorTasks.text()).match(/Changes requested:/g)?.length).toBe(
      Math.min(20, XSS_PAYLOADS.length),
    );
    expect(await check('/editor/tasks', { headers: { cookie: site.authorCookie } })).toBe(200);
    expect(await check(`/editor/answers/${view.id}`, { headers })).toBe(200);
    expect(await check('/editor/queue', { headers })).toBe(200);
    const csv = await (await site.app.request('/editor/gaps?since=90d&format=csv', { headers })).text();
    const cells = csv.split(/\r\n/).flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []);
    for (const cell of cells) expect(cell.replace(/^"/, ''), 'CSV cell').not.toMatch(/^[=+\-@\t\r]/);
    counts.editorDocuments += counts.documents - before;
    expect(findings.slice(seen, seen + 20)).toEqual([]);
  }, 180_000);

  it('static export: no executable markup in any written page', async () => {
    const seen = findings.length;
    const out = mkdtempSync(join(tmpdir(), 'medbrief-xss-export-'));
    try {
      const config = defaultSiteConfig({ baseUrl: 'https://example.org' });
      await exportSite({ store: site.store, config, outDir: checkOutDir(out, { repoRoot: process.cwd() }) });
      const files = (readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
      expect(files.length).toBeGreaterThan(XSS_PAYLOADS.length);
      for (const f of files) {
        counts.documents++;
        counts.exportedDocuments++;
        for (const v of executableMarkup(readFileSync(join(out, f), 'utf8')))
          findings.push({ path: `export:${f}`, ...v });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    expect(findings.slice(seen, seen + 20)).toEqual([]);
  }, 180_000);
});
