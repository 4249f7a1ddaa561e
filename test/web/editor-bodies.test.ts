/**
 * Editor request bodies: wrong JSON types, null and array bodies, and oversized answers are
 * refused with a problem+json document that names the field — never a 500. Forms get the same
 * checks as HTML pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ANSWER_BYTES, MAX_REQUEST_BYTES } from '../../src/web/errors.js';
import { PASSWORDS, startTestSite, type TestSite } from '../workflow/fixture-app.js';
import { TestClient } from '../workflow/http-client.js';

let site: TestSite;
let ann: TestClient;
let id: number;
let markdown: string;
let revisionId: number;
let state: string;
beforeAll(async () => {
  site = await startTestSite();
  ann = new TestClient(site.server.url);
  expect((await ann.login('ann', PASSWORDS.ann)).status).toBe(303);
  id = (await site.repo.listAnswers({ condition: 'sacral-agenesis' }))[0]!.id;
  const got = (await (await ann.fetch(`/editor/api/answers/${id}`)).json()) as {
    current: { id: number; markdown: string };
  };
  markdown = got.current.markdown;
  revisionId = got.current.id;
  state = (await site.repo.getAnswer(id))!.state;
});
afterAll(async () => {
  await site?.close();
});

interface ProblemBody {
  status: number;
  detail: string;
  errors?: { name: string; reason: string }[];
}

async function problemOf(res: Response): Promise<ProblemBody> {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await res.json()) as ProblemBody;
}

const raw = (method: string, path: string, body: string) =>
  ann.fetch(path, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': ann.csrf },
    body,
  });

describe('editor JSON bodies', () => {
  const transition = () => `/editor/api/answers/${id}/transition`;
  const save = () => `/editor/api/answers/${id}`;
  const cases: [string, () => string, string, unknown, string][] = [
    ['transition: comment is a number', transition, 'POST', { action: 'comment', comment: 5 }, 'comment'],
    ['transition: comment is an array', transition, 'POST', { action: 'comment', comment: ['a'] }, 'comment'],
    ['transition: action is a number', transition, 'POST', { action: 1 }, 'action'],
    [
      'transition: revisionId is a string',
      transition,
      'POST',
      { action: 'submit', revisionId: '7' },
      'revisionId',
    ],
    ['transition: null body', transition, 'POST', null, '(body)'],
    ['transition: array body', transition, 'POST', [{ action: 'submit' }], '(body)'],
    ['save: markdown is a number', save, 'PUT', { baseRevisionId: 1, markdown: 3 }, 'markdown'],
    [
      'save: baseRevisionId is a string',
      save,
      'PUT',
      { baseRevisionId: 'x', markdown: 'm' },
      'baseRevisionId',
    ],
    ['save: null body', save, 'PUT', null, '(body)'],
    ['save: array body', save, 'PUT', [], '(body)'],
  ];
  for (const [name, path, method, body, field] of cases) {
    it(`${name} → 400 naming ${field}`, async () => {
      const res = await ann.json(method, path(), body);
      expect(res.status).toBe(400);
      const p = await problemOf(res);
      expect(p.status).toBe(400);
      expect(p.errors?.map((e) => e.name)).toContain(field);
      expect(p.detail).toContain(field);
    });
  }

  it('a body that is not JSON → 400 problem+json', async () => {
    const res = await raw('POST', transition(), '{"action":');
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toMatch(/not valid JSON/);
  });

  it('workflow refusals under /editor/api are problem+json with a code', async () => {
    const res = await ann.json('POST', transition(), { action: 'fly' });
    expect(res.status).toBe(422);
    expect(await problemOf(res)).toMatchObject({ status: 422, code: 'invalid' });
    const missing = await ann.fetch('/editor/api/answers/999999');
    expect(missing.status).toBe(404);
    await problemOf(missing);
  });

  it('nothing was changed by the refused requests', async () => {
    const a = (await site.repo.getAnswer(id))!;
    expect(a.currentRevisionId).toBe(revisionId);
    expect(a.state).toBe(state);
  });
});

describe('answer size cap', () => {
  const big = () => markdown + '\n' + 'More plain words here. '.repeat(Math.ceil(MAX_ANSWER_BYTES / 23));

  it('an answer file over the cap → 413 problem+json, nothing saved', async () => {
    const res = await ann.json('PUT', `/editor/api/answers/${id}`, {
      baseRevisionId: revisionId,
      markdown: big(),
    });
    expect(res.status).toBe(413);
    expect((await problemOf(res)).detail).toMatch(/limit is 128 KiB/);
    expect((await site.repo.getAnswer(id))!.currentRevisionId).toBe(revisionId);
  });

  it('the edit form refuses an oversized answer with a 413 page', async () => {
    const res = await ann.form(`/editor/answers/${id}/edit`, {
      _csrf: ann.csrf,
      markdown: big(),
      base_revision_id: String(revisionId),
      intent: 'save',
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('the limit is 128 KiB');
    expect((await site.repo.getAnswer(id))!.currentRevisionId).toBe(revisionId);
  });

  it('an answer just under the cap is accepted', async () => {
    const body =
      markdown + '\n' + 'Fine. '.repeat(Math.floor((MAX_ANSWER_BYTES - markdown.length - 200) / 6));
    const res = await ann.json('PUT', `/editor/api/answers/${id}`, {
      baseRevisionId: revisionId,
      markdown: body,
    });
    expect([200, 201]).toContain(res.status);
  });
  // Last: the server closes the connection of a request it refused mid-upload.
  it('a request body over the transport cap → 413 before it is parsed', async () => {
    const res = await raw('PUT', `/editor/api/answers/${id}`, 'x'.repeat(MAX_REQUEST_BYTES + 1));
    expect(res.status).toBe(413);
    await problemOf(res);
  });
});

describe('editor forms', () => {
  it('a form transition with a non-numeric revision → 400 page naming the field', async () => {
    const res = await ann.form(`/editor/answers/${id}/transition`, {
      _csrf: ann.csrf,
      action: 'submit',
      revision_id: 'abc',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('revision_id');
  });
});
