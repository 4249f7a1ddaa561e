/**
 * Issue #19's target for the demo content: every demo condition has an ICD-10-CM code and a
 * SNOMED CT or Orphanet code, and every code in a condition's front matter says where it was
 * checked: the line holding the code carries a YAML comment with the source's address
 * (`icd10cm: J45  # "Asthma": https://… (checked …)`).
 *
 * Two lists below record what could not be checked against a public source yet. Each entry is
 * asserted to still be a gap, so filling one means deleting its entry here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CodeSystem, codePairs, codeProblem, parseCondition } from '../../src/content/index.js';
import { repoRoot } from '../helpers/corpus.js';

const demo = join(repoRoot, 'demo', 'content');

/** Conditions still missing a SNOMED CT / Orphanet code: no public source found that states one. */
const MISSING_SNOMED_OR_ORPHA: Record<string, string> = {};

/** Codes kept from before, without a source we could find (`slug system code`). */
const UNSOURCED = new Set<string>([]);

const slugs = readdirSync(demo, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

function load(slug: string) {
  const file = `${slug}/condition.md`;
  const text = readFileSync(join(demo, file), 'utf8');
  const parsed = parseCondition(text, slug, file);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  const frontMatter = text.split('\n---')[0] ?? '';
  return { condition: parsed.value, frontMatter };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The front-matter line that holds `code` under `system` (`system: code` or a `- code` list item) with a sourced comment. */
function sourceLine(frontMatter: string, system: CodeSystem, code: string): string | undefined {
  const value = `["']?${escapeRegExp(code)}["']?`;
  const line = new RegExp(`^\\s*(?:${system}:\\s*|-\\s*)${value}\\s+#[^\\n]*https?://\\S+`);
  return frontMatter.split('\n').find((l) => line.test(l));
}

describe('demo condition codes (issue #19)', () => {
  it('finds the nine demo conditions', () => {
    expect(slugs).toEqual([
      'asthma',
      'chickenpox',
      'coeliac-disease',
      'gout',
      'hypothyroidism',
      'iron-deficiency-anaemia',
      'migraine',
      'sacral-agenesis',
      'type-2-diabetes',
    ]);
  });

  it.each(slugs)('%s has an ICD-10-CM code and a SNOMED CT or Orphanet code', (slug) => {
    const codes = load(slug).condition.codes ?? {};
    expect(codes.icd10cm?.length ?? 0, `${slug} has no icd10cm code`).toBeGreaterThan(0);
    const second = (codes.snomedct?.length ?? 0) + (codes.orpha?.length ?? 0);
    if (MISSING_SNOMED_OR_ORPHA[slug]) {
      expect(
        second,
        `${slug} now has a SNOMED CT/Orphanet code: remove it from MISSING_SNOMED_OR_ORPHA`,
      ).toBe(0);
    } else {
      expect(second, `${slug} has neither a snomedct nor an orpha code`).toBeGreaterThan(0);
    }
  });

  it.each(slugs)('every code of %s is valid and cites where it was checked', (slug) => {
    const { condition, frontMatter } = load(slug);
    const pairs = codePairs(condition.codes);
    expect(pairs.length).toBeGreaterThan(0);
    for (const { system, code } of pairs) {
      expect(codeProblem(system, code), `${slug} ${system} ${code}`).toBeNull();
      const key = `${slug} ${system} ${code}`;
      const line = sourceLine(frontMatter, system, code);
      if (UNSOURCED.has(key)) {
        expect(line, `${key} now cites a source: remove it from UNSOURCED`).toBeUndefined();
      } else {
        expect(line, `${key}: no "# … https://…" source comment on its line`).toBeDefined();
      }
    }
  });

  it('the lists of known gaps name only codes and conditions that exist', () => {
    for (const slug of Object.keys(MISSING_SNOMED_OR_ORPHA)) expect(slugs).toContain(slug);
    for (const key of UNSOURCED) {
      const [slug, system, code] = key.split(' ') as [string, CodeSystem, string];
      const codes = load(slug).condition.codes ?? {};
      expect(codes[system] ?? [], key).toContain(code);
    }
  });
});
