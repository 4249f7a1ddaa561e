/** The editor over real HTTP: sign-in, CSRF, roles, stale edits, review, audit export. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../src/content/index.js';
import { formValues } from '../../src/web/editor/answer-form.js';
import { GENERIC_LOGIN_FAILURE } from '../../src/web/editor/index.js';
import { ConditionCodesLine } from '../../src/web/editor/pages/answer.js';
import { PASSWORDS, startTestSite, type TestSite } from './fixture-app.js';
import { TestClient } from './http-client.js';

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site?.close();
});

const client = () => new TestClient(site.server.url);

/** A client signed in as one of the test team. */
async function signedIn(user: keyof typeof PASSWORDS): Promise<TestClient> {
  const c = client();
  await c.login(user, PASSWORDS[user]);
  return c;
}

/** Rob approving an answer he edited: the four-eyes refusal status. */
async function rob4eyes(id: number): Promise<number> {
  const rob = await signedIn('rob');
  const ann = await signedIn('ann');
  await ann.json('POST', `/editor/api/answers/${id}/transition`, { action: 'submit' });
  const cur = (await site.repo.getAnswer(id))!.currentRevisionId;
  const res = await rob.json('POST', `/editor/api/answers/${id}/transition`, {
    action: 'approve',
    revisionId: cur,
  });
  expect(((await res.json()) as { code: string }).code).toBe('four-eyes');
  await ann.json('PUT', `/editor/api/answers/${id}`, {
    baseRevisionId: cur,
    markdown: (
      (await (await ann.fetch(`/editor/api/answers/${id}`)).json()) as { current: { markdown: string } }
    ).current.markdown,
  });
  return res.status;
}

async function answerId(slug = 'symptoms'): Promise<number> {
  const list = await site.repo.listAnswers({ condition: 'sacral-agenesis' });
  return list.find((a) => a.slug === slug)!.id;
}

describe('sign-in', () => {
  it('sets an HttpOnly SameSite session cookie and signs out with a CSRF token', async () => {
    const c = client();
    const page = await c.fetch('/login');
    expect(page.headers.getSetCookie().join()).toMatch(/medbrief_login_csrf=.*HttpOnly.*SameSite=Strict/i);
    await page.text();
    const res = await c.login('ann', PASSWORDS.ann);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/editor');
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('medbrief_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http on loopback: Secure would drop the cookie
    expect((await c.fetch('/editor')).status).toBe(200);
    expect((await c.form('/logout', { _csrf: 'forged' })).status).toBe(403);
    expect((await c.form('/logout', { _csrf: c.csrf })).status).toBe(303);
    const after = await c.fetch('/editor');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/login/);
  });

  it('answers unknown users and wrong passwords with the same generic message', async () => {
    const wrong = await client().login('ann', 'not the password');
    const unknown = await client().login('nobody-here', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.text(), await unknown.text()];
    expect(a).toContain(GENERIC_LOGIN_FAILURE);
    expect(b).toContain(GENERIC_LOGIN_FAILURE);
    expect(a.replace(/value="[^"]*"/g, '')).toBe(b.replace(/value="[^"]*"/g, ''));
  });

  it('refuses a forged sign-in form', async () => {
    const c = client();
    await (await c.fetch('/login')).text();
    const res = await c.form('/login', { _csrf: 'forged-token', username: 'ann', password: PASSWORDS.ann });
    expect(res.status).toBe(403);
    expect(c.cookies.has('medbrief_session')).toBe(false);
  });

  it('throttles repeated failures for a user name, persisted in the database', async () => {
    await site.repo.createUser(
      { username: 'tess', name: 'Tess', role: 'author', password: 'tess password 1' },
      'test',
    );
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await client().login('tess', `wrong ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Even the right password waits out the window now.
    const res = await client().login('tess', 'tess password 1');
    expect(res.status).toBe(429);
    expect(await res.text()).toMatch(/Too many failed sign-in attempts/);
    const audit = await site.repo.listAudit({ entity: 'user', entityId: 'tess' });
    expect(audit.filter((e) => e.action === 'login-failed')).toHaveLength(7);
  });

  it('refuses sign-in over plain http on a public host name', async () => {
    const { createApp } = await import('../../src/web/index.js');
    const { app } = createApp({ store: site.store });
    const res = await app.request('http://medbrief.example/login');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/needs https/);
    const https = await app.request('https://medbrief.example/login');
    expect(https.status).toBe(200);
    expect(https.headers.getSetCookie().join()).toMatch(/Secure/);
  });
});

describe('editing and review over HTTP', () => {
  it('refuses a forged CSRF token with 403 and changes nothing', async () => {
    const c = client();
    await c.login('ann', PASSWORDS.ann);
    const id = await answerId();
    const before = await site.store.listRevisions(id);
    const res = await c.form(`/editor/answers/${id}/edit`, {
      _csrf: 'forged',
      base_revision_id: String(before.at(-1)!.id),
      markdown: 'x',
      intent: 'save',
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/security token/);
    const api = await c.fetch(`/editor/api/answers/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'forged' },
      body: '{}',
    });
    expect(api.status).toBe(403);
    expect(await site.store.listRevisions(id)).toHaveLength(before.length);
  });

  it('answers the wrong role with 403 and says which role is needed', async () => {
    const c = client();
    await c.login('ann', PASSWORDS.ann);
    const id = await answerId();
    const res = await c.form(`/editor/answers/${id}/transition`, { _csrf: c.csrf, action: 'archive' });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/an author cannot archive; this needs the role editor or admin/);
    const audit = await c.fetch('/editor/audit');
    expect(audit.status).toBe(403);
  });

  it('turns a stale form save into 409 with a word-level diff and keeps the text', async () => {
    const ann = client();
    const rob = client();
    await ann.login('ann', PASSWORDS.ann);
    await rob.login('rob', PASSWORDS.rob);
    const id = await answerId();
    const form = await (await ann.fetch(`/editor/answers/${id}/edit`)).text();
    const base = /name="base_revision_id" value="(\d+)"/.exec(form)![1]!;
    const original = (await site.repo.getAnswer(id))!.current!;
    const md = (await (await ann.fetch(`/editor/api/answers/${id}`)).json()) as {
      current: { markdown: string };
    };
    const robText = md.current.markdown.replace('depend on how much', 'depend mostly on how much');
    const annText = md.current.markdown.replace('Symptoms depend', 'Signs depend');
    expect(
      (
        await rob.form(`/editor/answers/${id}/edit`, {
          _csrf: rob.csrf,
          base_revision_id: base,
          markdown: robText,
          intent: 'save',
        })
      ).status,
    ).toBe(303);
    const res = await ann.form(`/editor/answers/${id}/edit`, {
      _csrf: ann.csrf,
      base_revision_id: base,
      markdown: annText,
      intent: 'save',
    });
    expect(res.status).toBe(409);
    const page = await res.text();
    expect(page).toMatch(/Someone else saved this answer/);
    // The readable diff, side by side: the current revision's word struck, the author's added.
    expect(page).toMatch(/<del>Symptoms<\/del>/);
    expect(page).toMatch(/<ins>Signs<\/ins>/);
    expect(page).toContain('Signs depend'); // the author's text is still in the form
    const current = (await site.repo.getAnswer(id))!.current!;
    expect(current.baseRevisionId).toBe(original.id);
    expect(page).toContain(`name="base_revision_id" value="${current.id}"`);
    // Only Rob changed that paragraph's "mostly", only Ann its first word: the form holds both.
    expect(page).toContain('Signs depend mostly on how much');
    expect(page).toMatch(
      /Taken from their revision, because only they changed it: [^<]*words in paragraph 1 of the answer text/,
    );
    expect(page).toContain('You did not both change the same part.');
    // The file exactly as Ann sent it stays on the page.
    expect(page).toMatch(/<textarea id="submitted-file" readonly="" rows="12">[^<]*Signs depend on how much/);
  });

  it("merges a stale save from the form field by field, keeping the author's words where both changed", async () => {
    const ann = client();
    const rob = client();
    await ann.login('ann', PASSWORDS.ann);
    await rob.login('rob', PASSWORDS.rob);
    const id = await answerId('causes');
    const original = (await site.repo.getAnswer(id))!.current!;
    const values = formValues(AnswerSchema.parse(original.answer));
    const save = (who: TestClient, changes: Record<string, string>) =>
      who.form(`/editor/answers/${id}/edit`, {
        ...values,
        ...changes,
        _csrf: who.csrf,
        mode: 'form',
        base_revision_id: String(original.id),
        intent: 'save',
      });
    // Rob changes the question and the TL;DR; Ann, from the same revision, the TL;DR and the body.
    const robQuestion = `${values.question!.replace(/\?$/, '')} in babies?`;
    expect((await save(rob, { question: robQuestion, tldr: `${values.tldr} Rob's TL;DR.` })).status).toBe(
      303,
    );
    const res = await save(ann, {
      tldr: `${values.tldr} Ann's TL;DR.`,
      body: `${values.body!.trimEnd()}\n\nAnn adds a paragraph.\n`,
    });
    expect(res.status).toBe(409);
    const page = await res.text();
    expect(page).toMatch(/Taken from their revision, because only they changed it: Question/);
    expect(page).toMatch(/You both changed: TL;DR\./);
    // The form: Rob's question, Ann's TL;DR and Ann's new paragraph.
    expect(page).toContain(`value="${robQuestion}"`);
    expect(page).toContain('Ann&#39;s TL;DR.');
    expect(page).not.toContain('Rob&#39;s TL;DR.</textarea>');
    expect(page).toContain('Ann adds a paragraph.');
    // What Rob changed is shown on its own, beside what saving now would change.
    expect(page).toMatch(/what rob changed/);
    const current = (await site.repo.getAnswer(id))!.current!;
    expect(page).toContain(`name="base_revision_id" value="${current.id}"`);
    // Saving the merged form is an ordinary save on top of Rob's revision.
    const merged = Object.fromEntries(
      [...page.matchAll(/<input[^>]* name="([^"]+)"[^>]* value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    expect(merged.question).toBe(robQuestion);
  });

  it('walks submit → request changes → fix → approve → publish through forms', async () => {
    const ann = await signedIn('ann');
    const rita = await signedIn('rita');
    const ed = await signedIn('ed');
    const id = await answerId('causes');
    const fresh = (await site.repo.getAnswer(id))!.current!;
    const md = (
      (await (await ann.fetch(`/editor/api/answers/${id}`)).json()) as { current: { markdown: string } }
    ).current.markdown;
    const save = (await ann.json('PUT', `/editor/api/answers/${id}`, {
      baseRevisionId: fresh.id,
      markdown: md.replace('no known cause', 'no cause that doctors can find'),
    })) as Response;
    expect(save.status).toBe(201);
    const saved = ((await save.json()) as { revision: { id: number } }).revision.id;
    expect(
      (
        await ann.form(`/editor/answers/${id}/transition`, {
          _csrf: ann.csrf,
          action: 'submit',
          revision_id: String(saved),
        })
      ).status,
    ).toBe(303);
    const review = await (await rita.fetch(`/editor/answers/${id}/review`)).text();
    expect(review).toMatch(/<ins>/);
    expect(review).toContain('value="approve"');
    expect(
      (
        await rita.form(`/editor/answers/${id}/transition`, {
          _csrf: rita.csrf,
          action: 'request_changes',
          revision_id: String(saved),
          comment: 'Say who could not find a cause.',
        })
      ).status,
    ).toBe(303);
    expect(await (await ann.fetch(`/editor/answers/${id}`)).text()).toContain(
      'Say who could not find a cause.',
    );
    const approveOld = await rita.form(`/editor/answers/${id}/transition`, {
      _csrf: rita.csrf,
      action: 'approve',
      revision_id: String(saved),
    });
    expect(approveOld.status).toBe(409); // wrong state: changes were requested
    const fix = (await ann.json('PUT', `/editor/api/answers/${id}`, {
      baseRevisionId: saved,
      markdown: md.replace('no known cause', 'no cause that the study could find'),
    })) as Response;
    const fixed = ((await fix.json()) as { revision: { id: number; hash: string } }).revision;
    await ann.form(`/editor/answers/${id}/transition`, {
      _csrf: ann.csrf,
      action: 'submit',
      revision_id: String(fixed.id),
    });
    expect(
      (
        await rita.form(`/editor/answers/${id}/transition`, {
          _csrf: rita.csrf,
          action: 'approve',
          revision_id: String(fixed.id),
        })
      ).status,
    ).toBe(303);
    const publish = await ed.form(`/editor/answers/${id}/transition`, {
      _csrf: ed.csrf,
      action: 'publish',
      revision_id: String(fixed.id),
    });
    expect(publish.status).toBe(303);
    const page = await (await client().fetch('/conditions/sacral-agenesis/causes')).text();
    expect(page).toContain('no cause that the study could find');
    expect(page).toMatch(/Medically reviewed by Demo Paediatrician \(demo account\)/);
  });

  it('refuses to publish while the linter reports errors', async () => {
    const ann = await signedIn('ann');
    const rita = await signedIn('rita');
    const ed = await signedIn('ed');
    // Rob edited this answer in the stale-edit test above, so four-eyes leaves the review to Rita.
    const id = await answerId('symptoms');
    const robTried = await rob4eyes(id);
    expect(robTried).toBe(403);
    const cur = (
      (await (await ann.fetch(`/editor/api/answers/${id}`)).json()) as {
        current: { id: number; markdown: string };
      }
    ).current;
    const save = await ann.json('PUT', `/editor/api/answers/${id}`, {
      baseRevisionId: cur.id,
      markdown: `${cur.markdown}\nIt affects about 1 in 25,000 newborns.\n`,
    });
    const rev = ((await save.json()) as { revision: { id: number } }).revision.id;
    expect(
      (await ann.json('POST', `/editor/api/answers/${id}/transition`, { action: 'submit' })).status,
    ).toBe(200);
    expect(
      (
        await rita.json('POST', `/editor/api/answers/${id}/transition`, {
          action: 'approve',
          revisionId: rev,
        })
      ).status,
    ).toBe(200);
    const publish = await ed.json('POST', `/editor/api/answers/${id}/transition`, { action: 'publish' });
    expect(publish.status).toBe(422);
    expect(((await publish.json()) as { detail: string }).detail).toMatch(
      /cannot publish: the linter reports 1 error/,
    );
    expect((await site.repo.getAnswer(id))?.state).toBe('approved');
  });

  it('exports the audit log as CSV and JSON for editors', async () => {
    const ed = client();
    await ed.login('ed', PASSWORDS.ed);
    const csv = await ed.fetch('/editor/audit?format=csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="medbrief-audit-/);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('id,at,actor,action,entity,entityId,from,to,hash,detail');
    expect(text).toMatch(/,ed,login,user,ed,/);
    const json = (await (await ed.fetch('/editor/audit?format=json&entity=user&id=ed')).json()) as {
      events: { action: string }[];
    };
    expect(json.events.length).toBeGreaterThan(0);
    expect(json.events.every((e) => ['login', 'logout', 'user-add'].includes(e.action))).toBe(true);
  });
});

describe("answer page: the condition's codes", () => {
  it('shows each code with its system name, linked to where it can be checked', async () => {
    const ann = client();
    await ann.login('ann', PASSWORDS.ann);
    const res = await ann.fetch(`/editor/answers/${await answerId()}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    // The fixture's sacral agenesis has icd10cm: Q76.49.
    expect(page).toMatch(
      /<p class="condition-codes">Codes: <a href="https:\/\/icd10cmtool\.cdc\.gov\/\?fy=FY2026&amp;query=Q76\.49"[^>]*>ICD-10-CM Q76\.49<\/a><\/p>/,
    );
  });

  it('escapes code values and lists systems in table order', async () => {
    const html = String(
      await ConditionCodesLine({
        codes: { snomedct: ['195967001'], icd10cm: ['<img src=x onerror=alert(1)>'], icd9cm: ['250.00'] },
      }),
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('ICD-10-CM &lt;img src=x onerror=alert(1)&gt;</a>');
    expect(html).toContain('query=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    expect(html.indexOf('ICD-10-CM')).toBeLessThan(html.indexOf('SNOMED CT 195967001'));
    expect(html).toContain(' · ICD-9-CM 250.00</p>'); // no lookup address: plain text
    const doid = String(await ConditionCodesLine({ codes: { doid: ['DOID:9352'] } }));
    expect(doid).toMatch(/>DOID:9352<\/a>/); // the code names its system already
  });

  it('says where to add codes when the condition has none', async () => {
    const html = String(await ConditionCodesLine({ codes: undefined }));
    expect(html).toContain('Codes: none yet');
  });
});
