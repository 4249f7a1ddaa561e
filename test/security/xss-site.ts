/**
 * A site whose content is the XSS corpus: payload i becomes condition `c-<i>` (name, synonym,
 * summary; the payload as a condition code is tried and refused), its answer (question, TL;DR, body, source title and publisher, imported publisher),
 * reviewer `r-<i>` (name, credentials, bio), an editor comment, an edit and a request-changes
 * note. Only content that passes the content schema is stored, as it would be by any importer;
 * what the schema refuses is counted, not smuggled in.
 */

import { RateLimiter } from '../../src/asklog/index.js';
import {
  type Answer,
  AnswerSchema,
  type Condition,
  ConditionCodesSchema,
  ConditionSchema,
  type ContentBundle,
  contentHash,
  type Reviewer,
  ReviewerSchema,
  SourceSchema,
} from '../../src/content/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { createApp } from '../../src/web/index.js';
import { importBundle, type WorkflowRepo, workflowRepo } from '../../src/workflow/index.js';
import type { XssPayload } from './xss-payloads.js';

export interface XssSite {
  store: Store;
  repo: WorkflowRepo;
  app: ReturnType<typeof createApp>['app'];
  /** Cookie header of a signed-in editor, and that session's CSRF token. */
  editorCookie: string;
  csrf: string;
  /** Cookie header of the signed-in author (told of each request for changes). */
  authorCookie: string;
  /** payload id → editor answer id (database id). */
  answerIds: Map<string, number>;
  /** Field values the content schema refused (e.g. a `javascript:` source URL). */
  refused: number;
  /** Writes the questions asked so far to the question log. */
  flushAskLog(): Promise<void>;
  close(): Promise<void>;
}

/** URLs tried in the URL fields (source url, imported page url); the schema decides which get in. */
function urlCandidates(p: XssPayload): string[] {
  const hrefs = [...p.text.matchAll(/(?:href|src|action|data)="([^"]*)"/g)].map((m) => m[1]!);
  return [
    ...hrefs,
    `https://example.org/${p.id}?q=${p.text}`,
    `https://example.org/${p.id}"><x onerror=alert(1)>`,
  ];
}

function question(text: string): string {
  return `${text.trim()} (${text.length})?`;
}

export function payloadBundle(payloads: readonly XssPayload[]): { bundle: ContentBundle; refused: number } {
  let refused = 0;
  const keep = <T>(
    schema: { safeParse(v: unknown): { success: boolean; data?: T } },
    value: T,
    fallback: T,
  ): T => {
    const r = schema.safeParse(value);
    if (r.success) return r.data as T;
    refused++;
    return fallback;
  };
  const reviewers: Reviewer[] = [];
  const conditions: Condition[] = [];
  const answers: Answer[] = [];
  payloads.forEach((p, i) => {
    const n = i + 1;
    reviewers.push(
      keep(
        ReviewerSchema,
        { id: `r-${n}`, name: p.text, credentials: p.text, bio: p.text, demo: n % 2 === 0 },
        { id: `r-${n}`, name: `Reviewer ${n}`, credentials: 'MD', demo: false },
      ),
    );
    // Codes are pattern-checked per system: the payload as a code is refused (and counted); real
    // codes are kept, so the editor answer page shows its codes line beside the payload name.
    for (const system of ['mesh', 'orpha', 'icd10cm'] as const)
      keep(ConditionCodesSchema, { [system]: p.text }, {});
    const codes = { icd10cm: ['Q76.49'], orpha: ['3027'] };
    conditions.push(
      keep(
        ConditionSchema,
        { slug: `c-${n}`, name: p.text, synonyms: [p.text, `synonym ${n}`], summary: p.text, codes },
        { slug: `c-${n}`, name: `Condition ${n}`, synonyms: [], summary: '', codes },
      ),
    );
    const urls = urlCandidates(p);
    const sources = urls.flatMap((url, k) => {
      const source = SourceSchema.safeParse({
        id: `s${k}`,
        title: p.text,
        url,
        publisher: p.text,
        accessed: '2026-01-01',
      });
      if (source.success) return [source.data];
      refused++;
      return [];
    });
    const base = {
      question: question(p.text),
      condition: `c-${n}`,
      aspect: 'overview' as const,
      tldr: p.text,
      audience: 'patient' as const,
      sources,
      body: `Intro ${p.text}\n\n${p.text} [^s0]\n\n- ${p.text}\n`,
    };
    const parsed = AnswerSchema.safeParse(base);
    if (!parsed.success) {
      refused++;
      return;
    }
    const reviewed = parsed.data;
    answers.push({
      ...reviewed,
      review: {
        reviewer: `r-${n}`,
        reviewed: '2026-04-07',
        next_review: '2027-04-07',
        revision: contentHash(reviewed),
      },
    });
    // An imported answer: its publisher and original URL appear in the "From <publisher>" badge.
    // Every candidate URL is offered; one accepted answer per payload is enough to render.
    let kept = false;
    for (const [k, url] of urls.entries()) {
      const imported = AnswerSchema.safeParse({
        ...base,
        aspect: 'causes',
        slug: `imported-${k}`,
        origin: { collection: 'medquad', publisher: p.text, url },
      });
      if (!imported.success) refused++;
      else if (!kept) {
        answers.push(imported.data);
        kept = true;
      }
    }
  });
  return { bundle: { reviewers, conditions, answers }, refused };
}

export async function startXssSite(payloads: readonly XssPayload[]): Promise<XssSite> {
  const store = await openSqliteStore(':memory:');
  const { bundle, refused } = payloadBundle(payloads);
  await importBundle(store, bundle, { actor: 'xss-test' });
  const repo = workflowRepo(store);
  const editor = await repo.createUser(
    { username: 'ed', name: 'Ed Editor', role: 'editor', password: 'ed password 1234' },
    'test',
  );
  const author = await repo.createUser(
    { username: 'ann', name: 'Ann Author', role: 'author', password: 'ann password 1234' },
    'test',
  );
  const answerIds = new Map<string, number>();
  for (const [i, p] of payloads.entries()) {
    const listed = await repo.listAnswers({ condition: `c-${i + 1}` });
    const a = listed.find((x) => x.slug === 'overview');
    if (!a) continue;
    answerIds.set(p.id, a.id);
    const full = (await repo.getAnswer(a.id))!;
    // An edit (so history and review show a diff containing the payload), a comment and a
    // request for changes by the editor.
    await repo.saveRevision(
      a.id,
      full.currentRevisionId,
      {
        ...full.current!.answer,
        tldr: `${p.text} edited`,
        body: `${full.current!.answer.body}\n${p.text}\n`,
      },
      author,
    );
    await repo.transition(a.id, editor, { action: 'comment', comment: p.text });
    await repo.transition(a.id, author, { action: 'submit' });
    await repo.transition(a.id, editor, { action: 'request_changes', comment: p.text });
  }
  const session = await repo.createSession(editor.id, 60 * 60 * 1000);
  // The author, told of each request for changes (the notification carries the payload comment).
  const authorSession = await repo.createSession(author.id, 60 * 60 * 1000);
  // The question log is on, so questions and page feedback carrying the payloads reach the editor.
  const { app, askLog } = createApp({
    store,
    logError: () => {},
    askLog: { enabled: true },
    feedback: { limiter: new RateLimiter({ limit: 1_000_000 }) },
  });
  return {
    store,
    repo,
    app,
    flushAskLog: async () => askLog?.recorder.flush(),
    editorCookie: `medbrief_session=${session.token}`,
    authorCookie: `medbrief_session=${authorSession.token}`,
    csrf: session.csrfToken,
    answerIds,
    refused,
    close: async () => {
      await askLog?.close();
      await store.close();
    },
  };
}
