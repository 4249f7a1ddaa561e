import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp, PAGE_TYPES } from './fixture.js';

// The recommended rules, with the "prettier" preset's choice of self-closed void elements (<meta />),
// which is how our JSX renders them.
const validator = new HtmlValidate({ extends: ['html-validate:recommended', 'html-validate:prettier'] });

describe('html-validate: every page type is valid HTML', () => {
  let app: Awaited<ReturnType<typeof fixtureApp>>['app'];
  beforeAll(async () => {
    ({ app } = await fixtureApp());
  });

  it.each(PAGE_TYPES)('$name ($path) has no errors', async ({ path, status }) => {
    const res = await app.request(path);
    expect(res.status).toBe(status ?? 200);
    const report = await validator.validateString(await res.text(), path);
    const messages = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
    );
    expect(messages).toEqual([]);
  });

  it('finds errors in broken markup (the validator is really checking)', async () => {
    const report = await validator.validateString(
      '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><h1>a<h1>b</h1><a>c</div></body></html>',
    );
    expect(report.valid).toBe(false);
  });
});
