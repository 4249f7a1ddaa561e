/**
 * The question log end to end, on SQLite and PostgreSQL: what each channel records (and what it
 * never records), the gap queue and its actions and exports, page feedback bound to revisions,
 * the review queue raised by negative feedback, retention, and backup/restore.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gapReport, hourBucket } from '../../src/asklog/index.js';
import { backupStore, openSqliteStore, restoreStore } from '../../src/store/index.js';
import { decideGap, runAction } from '../../src/workflow/index.js';
import { storeBackends } from '../helpers/backends.js';
import { sqlStore } from '../helpers/store-db.js';
import { executableMarkup } from '../security/html-safety.js';
import { type LoggedSite, startLoggedSite } from './site.js';

const dialects = await storeBackends('asklog', 'question log');

const ask = (site: LoggedSite, q: string) => site.app.request(`/ask?q=${encodeURIComponent(q)}`);
const api = (site: LoggedSite, q: string, extra = '') =>
  site.app.request(`/api/v1/ask?q=${encodeURIComponent(q)}${extra}`);

describe.each(dialects)('question log: %s', (_name, open) => {
  let site: LoggedSite;
  beforeEach(async () => {
    site = await startLoggedSite(open);
  });
  afterEach(async () => {
    await site.close();
  });

  it('records page, API and MCP asks with channel, hour bucket, focus, aspect and outcome; scrubbed; nothing else', async () => {
    expect(
      (await ask(site, 'My name is Sarah Jones, what causes sacral agenesis? Call 07700 900123')).status,
    ).toBe(200);
    expect((await api(site, 'what causes gout? email me at sj@example.com')).status).toBe(200);
    const mcp = await site.app.request('/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'ask_medbrief', arguments: { question: 'what are the symptoms of sacral agenesis' } },
      }),
    });
    expect(mcp.status).toBe(200);
    await site.flush();
    const rows = await site.asklog.listAsks();
    expect(rows.map((r) => r.channel)).toEqual(['page', 'api', 'mcp']);
    const [page, apiRow, mcpRow] = rows;
    expect(page).toMatchObject({
      focus: 'sacral-agenesis',
      focusKnown: true,
      aspect: 'causes',
      outcome: 'answered',
      answerRef: 'sacral-agenesis/causes',
      question: 'My name is [NAME], what causes sacral agenesis? Call [PHONE]',
    });
    expect(page!.hour).toBe(hourBucket());
    expect(page!.hour).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00Z$/);
    expect(apiRow).toMatchObject({
      focus: 'gout',
      focusKnown: false,
      outcome: 'abstained',
      question: 'what causes gout? email me at [EMAIL]',
    });
    expect(mcpRow).toMatchObject({ focus: 'sacral-agenesis', aspect: 'symptoms' });
    // the table has no column for an address, cookie, user or exact time
    const columns = Object.keys(
      (await site.store.db
        .selectFrom('ask_log' as never)
        .selectAll()
        .executeTakeFirstOrThrow()) as object,
    );
    expect(columns.sort()).toEqual(
      [
        'answer_ref',
        'aspect',
        'channel',
        'focus',
        'focus_known',
        'hour',
        'id',
        'outcome',
        'question',
        'reason',
        'score',
      ].sort(),
    );
    // and the request log never saw the question text
    const logText = site.logs.join('');
    expect(logText).toContain('"path":"/ask"');
    expect(logText).not.toMatch(/Sarah|07700|sj@example/);
  });

  it('log=false keeps an API question out of the log; a bad value is a 400 that says what to send', async () => {
    expect((await api(site, 'what causes sacral agenesis', '&log=false')).status).toBe(200);
    const bad = await api(site, 'what causes sacral agenesis', '&log=perhaps');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(/log must be true or false/);
    const res = await api(site, 'what causes sacral agenesis', '&log=true');
    expect(((await res.json()) as { explain?: unknown }).explain).toBeUndefined(); // recording asks for it; the caller did not
    await site.flush();
    expect(await site.asklog.countAsks()).toBe(1);
  });

  it('groups unanswered and weak questions by condition × aspect, with examples, nearest answers and whether the condition exists', async () => {
    for (const q of [
      'what causes gout?',
      'what causes gout in men?',
      'What causes gout? I am Tom Baker',
      'how is asthma treated?',
      'treatment for asthma attacks',
      'what causes sacral agenesis',
    ]) {
      await ask(site, q);
    }
    await site.flush();
    const report = await gapReport(site.asklog, site.store, { since: new Date(Date.now() - 86_400_000) });
    const gout = report.groups.find((g) => g.focus === 'gout');
    expect(gout).toMatchObject({ aspect: 'causes', condition: null, count: 3, unanswered: 3, trend: 'new' });
    expect(gout!.examples).toContain('What causes gout? I am [NAME]');
    expect(gout!.examples.length).toBeLessThanOrEqual(5);
    const asthma = report.groups.find((g) => g.focus === 'asthma');
    expect(asthma).toMatchObject({ aspect: 'treatment', condition: { slug: 'asthma', name: 'Asthma' } });
    expect(asthma!.nearest.map((n) => n.path)).toContain('/conditions/asthma/overview');
    // the well-answered question is no gap
    expect(report.groups.some((g) => g.focus === 'sacral-agenesis' && g.aspect === 'causes')).toBe(false);
  });

  it('editor actions: start a draft (examples attached), not in scope (hides), merge (moves the count)', async () => {
    for (const q of ['what causes gout?', 'gout causes', 'is gout inherited?', 'how is asthma treated?'])
      await ask(site, q);
    await site.flush();
    const ed = await site.session('editor');
    const headers = { cookie: ed.cookie };
    const page = await site.app.request('/editor/gaps?since=30d', { headers });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Gout × Causes'.replace('Gout', 'gout'));
    expect(html).toContain('no such condition yet');

    const merged = await site.form(
      '/editor/gaps/merge',
      { _csrf: ed.csrf, focus: 'gout', aspect: 'inheritance', target: 'gout|causes', since: '30d' },
      headers,
    );
    expect(merged.status).toBe(303);
    let report = await gapReport(site.asklog, site.store, { since: new Date(Date.now() - 86_400_000) });
    expect(report.groups.find((g) => g.focus === 'gout')).toMatchObject({
      aspect: 'causes',
      count: 3,
      mergedFrom: ['gout|inheritance'],
    });

    // refused by decide-gap: nothing is recorded and the form's page says why
    const refused: [string, Record<string, string>, string][] = [
      ['/editor/gaps/scope', { reason: ' ' }, 'A group marked not in scope needs a reason.'],
      ['/editor/gaps/merge', { target: 'asthma|treatment' }, 'A group cannot be merged into itself.'],
      ['/editor/gaps/merge', { target: '' }, 'A merge needs a target group.'],
    ];
    for (const [path, fields, says] of refused) {
      const res = await site.form(
        path,
        { _csrf: ed.csrf, focus: 'asthma', aspect: 'treatment', ...fields },
        headers,
      );
      expect(res.status).toBe(400);
      expect(await res.text()).toContain(says);
    }
    await site.form(
      '/editor/gaps/scope',
      { _csrf: ed.csrf, focus: 'asthma', aspect: 'treatment', reason: 'covered by the GP leaflet' },
      headers,
    );
    report = await gapReport(site.asklog, site.store, { since: new Date(Date.now() - 86_400_000) });
    expect(report.groups.some((g) => g.focus === 'asthma')).toBe(false);
    const all = await gapReport(site.asklog, site.store, {
      since: new Date(Date.now() - 86_400_000),
      includeHidden: true,
    });
    expect(all.groups.find((g) => g.focus === 'asthma')?.decision).toMatchObject({
      status: 'not_in_scope',
      reason: 'covered by the GP leaflet',
      actor: 'ed',
    });

    const author = await site.session('author');
    const draft = await site.form(
      '/editor/gaps/draft',
      { _csrf: author.csrf, focus: 'gout', aspect: 'causes' },
      { cookie: author.cookie },
    );
    expect(draft.status).toBe(303);
    const id = Number(/\/editor\/answers\/(\d+)/.exec(draft.headers.get('location') ?? '')?.[1]);
    const a = await site.repo.getAnswer(id);
    expect(a).toMatchObject({
      state: 'draft',
      conditionSlug: 'gout',
      aspect: 'causes',
      question: 'What causes Gout?',
    });
    expect(a!.comments[0]!.body).toMatch(/Patients asked[\s\S]*what causes gout\?/);
    expect(await site.store.findCondition('gout')).not.toBeNull();
    report = await gapReport(site.asklog, site.store, { since: new Date(Date.now() - 86_400_000) });
    expect(report.groups.find((g) => g.focus === 'gout')?.decision).toMatchObject({
      status: 'drafted',
      answerId: id,
    });
    // reviewers do not work the gap queue
    const rita = await site.session('reviewer');
    expect((await site.app.request('/editor/gaps', { headers: { cookie: rita.cookie } })).status).toBe(403);
  });

  it('feedback is bound to the revision shown, scrubbed, and shown to editors per revision', async () => {
    const view = (await site.store.getPublishedAnswer('sacral-agenesis', 'causes'))!;
    const page = await (await site.app.request('/conditions/sacral-agenesis/causes')).text();
    expect(page).toContain('Was this page helpful?');
    expect(page).toContain(`name="revision" value="${view.revision.id}"`);
    const yes = await site.form('/feedback', { revision: String(view.revision.id), helpful: 'yes' });
    expect(yes.status).toBe(303);
    expect(yes.headers.get('location')).toBe('/conditions/sacral-agenesis/causes?feedback=thanks#feedback');
    const no = await site.form('/feedback', {
      revision: String(view.revision.id),
      helpful: 'no',
      comment: 'Nothing about surgery. I am Jane Doe, jane@example.com',
    });
    expect(no.status).toBe(303);
    // a bot fills the honeypot: it looks accepted, nothing is stored
    expect(
      (
        await site.form('/feedback', {
          revision: String(view.revision.id),
          helpful: 'no',
          website: 'http://spam.example',
        })
      ).status,
    ).toBe(303);
    // a revision that is not on the public site
    expect((await site.form('/feedback', { revision: '99999', helpful: 'yes' })).status).toBe(404);
    expect(
      (await site.form('/feedback', { revision: String(view.revision.id), helpful: 'maybe' })).status,
    ).toBe(400);
    const thanks = await (
      await site.app.request('/conditions/sacral-agenesis/causes?feedback=thanks')
    ).text();
    expect(thanks).toContain('Your feedback was sent');

    const summaries = await site.asklog.feedbackFor(view.id);
    expect(summaries).toEqual([
      {
        revisionId: view.revision.id,
        yes: 1,
        no: 1,
        comments: [{ hour: hourBucket(), text: 'Nothing about surgery. I am [NAME], [EMAIL]' }],
      },
    ]);
    const ed = await site.session('editor');
    const editorPage = await (
      await site.app.request(`/editor/answers/${view.id}`, { headers: { cookie: ed.cookie } })
    ).text();
    expect(editorPage).toContain('Reader feedback');
    expect(editorPage).toContain(`Revision #${view.revision.id} (public now)`);
    expect(editorPage).toContain('1 helpful, 1 not helpful');
  });

  it('negative feedback since the last review raises an answer that is not due into the review queue, first', async () => {
    const view = (await site.store.getPublishedAnswer('sacral-agenesis', 'causes'))!;
    const ed = await site.session('editor');
    const queue = async () =>
      (await site.app.request('/editor/queue?within=7d', { headers: { cookie: ed.cookie } })).text();
    const before = await queue();
    expect(before).not.toContain('not helpful since the last review');
    for (let i = 0; i < 2; i++)
      await site.form('/feedback', { revision: String(view.revision.id), helpful: 'no', comment: 'unclear' });
    const after = await queue();
    expect(after).toContain('2 not helpful since the last review');
    const rows = after.split('<tr>').slice(2); // header, then rows
    expect(rows[0]).toContain(`/editor/answers/${view.id}"`);
  });

  it('a 1 MB submission is refused with 413; 1,000 from one address are limited without affecting another reader', async () => {
    const view = (await site.store.getPublishedAnswer('sacral-agenesis', 'causes'))!;
    const big = await site.form('/feedback', {
      revision: String(view.revision.id),
      helpful: 'no',
      comment: 'x'.repeat(1024 * 1024),
    });
    expect(big.status).toBe(413);
    let accepted = 0;
    let limited = 0;
    for (let i = 0; i < 1000; i++) {
      const r = await site.form(
        '/feedback',
        { revision: String(view.revision.id), helpful: 'yes' },
        { 'x-forwarded-for': '203.0.113.7' },
      );
      if (r.status === 303) accepted++;
      else if (r.status === 429) limited++;
    }
    expect(accepted).toBeLessThanOrEqual(10);
    expect(accepted + limited).toBe(1000);
    const other = await site.form(
      '/feedback',
      { revision: String(view.revision.id), helpful: 'yes' },
      { 'x-forwarded-for': '198.51.100.2' },
    );
    expect(other.status).toBe(303);
    const pageForOthers = await site.app.request('/conditions/sacral-agenesis/causes', {
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    expect(pageForOthers.status).toBe(200); // reading is never limited
    expect((await site.asklog.feedbackFor(view.id))[0]!.yes).toBe(accepted + 1);
  }, 60_000);

  it('injection in questions and feedback is stored as text and rendered escaped; CSV cells cannot become formulas', async () => {
    const payloads = [
      '<script>alert(1)</script> what causes gout?',
      '=HYPERLINK("http://evil.example","x") what causes gout',
      '+cmd|calc what causes gout',
      "'; DROP TABLE ask_log; -- what causes gout",
      `what causes gout ${'<b>'.repeat(3000)}`,
      'what\u0000 causes\u001b[31m gout\u202e?',
    ];
    for (const p of payloads) await ask(site, p);
    const view = (await site.store.getPublishedAnswer('sacral-agenesis', 'causes'))!;
    await site.form('/feedback', {
      revision: String(view.revision.id),
      helpful: 'no',
      comment: '<img src=x onerror=alert(1)>',
    });
    await site.flush();
    const rows = await site.asklog.listAsks();
    expect(rows).toHaveLength(payloads.length);
    expect(rows[0]!.question).toBe('<script>alert(1)</script> what causes gout?');
    expect(rows[3]!.question).toContain('DROP TABLE ask_log');
    expect(rows.every((r) => r.question.length <= 1001)).toBe(true);
    expect(rows[5]!.question).toBe('what causes gout?');
    const ed = await site.session('editor');
    const headers = { cookie: ed.cookie };
    for (const [path, shown] of [
      ['/editor/gaps?since=30d', '&lt;script&gt;alert(1)&lt;/script&gt; what causes gout?'],
      [`/editor/answers/${view.id}`, '&lt;img src=x onerror=alert(1)&gt;'],
    ] as const) {
      const html = await (await site.app.request(path, { headers })).text();
      expect(executableMarkup(html), path).toEqual([]);
      expect(html, path).toContain(shown);
    }
    const csv = await (await site.app.request('/editor/gaps?since=30d&format=csv', { headers })).text();
    for (const cell of csv.split(/\r\n/).flatMap((l) => l.split(','))) {
      expect(cell.replace(/^"/, ''), 'formula cell').not.toMatch(/^[=+\-@]/);
    }
    const json = JSON.parse(
      await (await site.app.request('/editor/gaps?since=30d&format=json', { headers })).text(),
    );
    expect(json.groups[0].examples).toContain('<script>alert(1)</script> what causes gout?');
  });

  it('retention: purge deletes questions past the period and keeps the rest', async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 91 * 86_400_000);
    const row = {
      channel: 'page' as const,
      focus: 'gout',
      focusKnown: false,
      aspect: 'causes',
      outcome: 'abstained' as const,
      answerRef: null,
      score: null,
      reason: 'no-match',
      question: 'q',
    };
    await site.asklog.insertAsks([
      { ...row, hour: hourBucket(old) },
      { ...row, hour: hourBucket(now) },
    ]);
    expect(await site.asklog.purge(90)).toBe(1);
    expect(await site.asklog.countAsks()).toBe(1);
  });
});

describe('a failing log write', () => {
  it('never fails or delays the answer: the page and API answer, the failure is counted', async () => {
    const site = await startLoggedSite(async () => sqlStore(await openSqliteStore(':memory:')));
    try {
      await site.store.db.schema.dropTable('ask_log').execute();
      const page = await ask(site, 'what causes sacral agenesis?');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('/conditions/sacral-agenesis/causes');
      expect((await api(site, 'what causes sacral agenesis?')).status).toBe(200);
      await site.flush();
      expect(site.stats()).toMatchObject({ recorded: 2, written: 0, failed: 2 });
      expect(site.logs.join('')).toContain('ask log write failed');
    } finally {
      await site.close();
    }
  });
});

describe('backup and restore include the question log, gap decisions and feedback', () => {
  it('round-trips every new table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'medbrief-asklog-'));
    const site = await startLoggedSite(async () => sqlStore(await openSqliteStore(join(dir, 'a.db'))));
    try {
      await ask(site, 'what causes gout?');
      await site.flush();
      const view = (await site.store.getPublishedAnswer('sacral-agenesis', 'causes'))!;
      await site.form('/feedback', {
        revision: String(view.revision.id),
        helpful: 'no',
        comment: 'too short',
      });
      await runAction(
        site.store,
        decideGap,
        {
          focus: 'gout',
          aspect: 'causes',
          status: 'not_in_scope',
          reason: 'r',
          targetFocus: null,
          targetAspect: null,
          answerId: null,
        },
        { actor: { username: 'ed', role: 'editor', reviewerId: null } },
      );
      const report = await backupStore(site.store, join(dir, 'b.jsonl'));
      expect(report.tables).toMatchObject({ ask_log: 1, page_feedback: 1, gap_decisions: 1 });
      const target = await openSqliteStore(join(dir, 'c.db'));
      try {
        await restoreStore(target, join(dir, 'b.jsonl'));
        const restored = await gapReport(
          new (await import('../../src/asklog/index.js')).AskLogRepo(target),
          target,
          {
            since: new Date(Date.now() - 86_400_000),
            includeHidden: true,
          },
        );
        expect(restored.groups[0]).toMatchObject({ focus: 'gout', decision: { status: 'not_in_scope' } });
      } finally {
        await target.close();
      }
    } finally {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
