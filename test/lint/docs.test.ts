import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRuleDocs, rules } from '../../src/lint/index.js';
import { repoRoot } from '../helpers/corpus.js';

describe('docs/rules.md', () => {
  it('is up to date with the rules (run `npm run docs:rules` to regenerate)', () => {
    const onDisk = readFileSync(join(repoRoot, 'docs', 'rules.md'), 'utf8');
    expect(onDisk).toBe(renderRuleDocs(rules));
  });
  it('documents every rule with a heading', () => {
    const md = renderRuleDocs(rules);
    for (const r of rules) expect(md).toContain(`## ${r.id}\n`);
  });
});
