/**
 * Condition codes in the model: patterns per system, legacy names read with a warning, the
 * migration of stored codes, bulk attachment (all or nothing) and the codes file format.
 */
import { describe, expect, it } from 'vitest';
import {
  CODE_SYSTEMS,
  ConditionFrontMatterSchema,
  codeProblem,
  normalizeCode,
  parseCondition,
  serialiseCondition,
} from '../../src/content/index.js';
import { parseCodesTsv } from '../../src/import/codes/tsv.js';
import { answerJsonLd } from '../../src/site/index.js';
import { attachConditionCodes, openSqliteStore, UnknownConditionError } from '../../src/store/index.js';
import { migratedCodes } from '../../src/store/migrations.js';
import { openApiDocument } from '../../src/web/api/index.js';
import { fixtureConfig, fixtureStore } from '../site/fixture.js';

describe('code systems', () => {
  const valid: Record<(typeof CODE_SYSTEMS)[number], string[]> = {
    icd10cm: ['E11', 'E11.65', 'K90.0', 'S72.001A', 'U07.1'],
    snomedct: ['44054006', '195967001', '396331005', '10692761000119107'],
    umls: ['C0011860'],
    orpha: ['3027', '555'],
    omim: ['222100'],
    doid: ['DOID:9352'],
    mesh: ['D003924', 'C000657245'],
    icd9cm: ['250.00', '493.9', 'V58.67', 'E950.0'],
  };
  const invalid: Record<(typeof CODE_SYSTEMS)[number], string[]> = {
    icd10cm: ['E1', '250.00', 'E11.123456', 'EE1.1', ''],
    snomedct: ['44054007', '12345', '0044054006', 'abc'],
    umls: ['C001186', 'D0011860'],
    orpha: ['0', 'abc', '12345678'],
    omim: ['22210', '2221000'],
    doid: ['DOID:', 'DO:12'],
    mesh: ['D00392', 'Q003924'],
    icd9cm: ['E11', '25'],
  };
  it.each(CODE_SYSTEMS)('%s: accepts real codes and refuses malformed ones with an example', (system) => {
    for (const c of valid[system]) expect(codeProblem(system, c), c).toBeNull();
    for (const c of invalid[system])
      expect(codeProblem(system, normalizeCode(system, c)), c).toMatch(/like|check digit/);
  });

  it('normalizes what records send: case, missing dots, prefixes', () => {
    expect(normalizeCode('icd10cm', ' e1165 ')).toBe('E11.65');
    expect(normalizeCode('icd10cm', 'E11.')).toBe('E11');
    expect(normalizeCode('icd9cm', '25000')).toBe('250.00');
    expect(normalizeCode('orpha', 'ORPHA:3027')).toBe('3027');
    expect(normalizeCode('omim', 'MIM:222100')).toBe('222100');
    expect(normalizeCode('doid', '9352')).toBe('DOID:9352');
    expect(normalizeCode('mesh', 'mesh:d003924')).toBe('D003924');
    expect(normalizeCode('umls', 'c0011860')).toBe('C0011860');
  });
});

describe('condition front matter codes', () => {
  it('takes one code or a list per system and stores lists', () => {
    const fm = ConditionFrontMatterSchema.parse({
      name: 'X',
      codes: { icd10cm: 'e11', snomedct: 44054006, umls: ['C0011860', 'C0011860', 'C0011849'] },
    });
    expect(fm.codes).toEqual({ icd10cm: ['E11'], snomedct: ['44054006'], umls: ['C0011860', 'C0011849'] });
  });

  it('names the system and the bad code, with an example, at the YAML line', () => {
    const r = parseCondition(
      '---\nname: X\ncodes:\n  icd10cm: J45\n  snomedct: "44054007"\n---\n',
      'x',
      'x/condition.md',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ file: 'x/condition.md', line: 5 });
    expect(r.problems[0]!.message).toMatch(
      /codes\.snomedct.*"44054007" is not a SNOMED CT code: its check digit/,
    );
    const unknown = parseCondition('---\nname: X\ncodes:\n  icd11: 5A11\n---\n', 'x');
    expect(!unknown.ok && unknown.problems[0]!.message).toMatch(
      /unknown code system "icd11"; use one of: icd10cm, snomedct/,
    );
  });

  it('reads the old name icd10 as icd10cm, with a warning saying what to rename', () => {
    const r = parseCondition('---\nname: X\ncodes:\n  icd10: J45\n---\n', 'x', 'x/condition.md');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.codes).toEqual({ icd10cm: ['J45'] });
    expect(r.warnings).toEqual([
      expect.objectContaining({
        code: 'code-system-renamed',
        line: 4,
        hint: 'rename "icd10:" to "icd10cm:"',
      }),
    ]);
    // Written back with the new name; one code as a scalar, several as a list.
    const text = serialiseCondition({ ...r.value, codes: { icd10cm: ['J45'], umls: ['C1', 'C2'] } });
    expect(text).toContain('  icd10cm: J45\n');
    expect(text).toContain('  umls:\n    - C1\n    - C2\n');
  });
});

describe('JSON-LD MedicalCondition.code', () => {
  it('is a MedicalCode per code, with codingSystem named per system', async () => {
    const store = await fixtureStore();
    const view = (await store.getPublishedAnswer('coeliac-disease', 'symptoms'))!;
    const condition = (await store.findCondition('coeliac-disease'))!;
    const badge = { kind: 'awaiting-review', updated: view.updated } as const;
    const ld = answerJsonLd({ view, badge, condition, config: fixtureConfig() }) as unknown as {
      about: { code: { codingSystem: string; codeValue: string }[] };
    };
    expect(ld.about.code).toEqual(
      expect.arrayContaining([
        { '@type': 'MedicalCode', codeValue: 'K90.0', codingSystem: 'ICD-10-CM' },
        { '@type': 'MedicalCode', codeValue: '396331005', codingSystem: 'SNOMED CT' },
      ]),
    );
  });
});

describe('migration 005_code_systems', () => {
  it('renames icd10 and makes every system a list, leaving good rows alone', () => {
    expect(JSON.parse(migratedCodes('{"icd10":"J45","doid":"DOID:2841"}'))).toEqual({
      icd10cm: ['J45'],
      doid: ['DOID:2841'],
    });
    expect(migratedCodes('{"umls":["C1"]}')).toBe('{"umls":["C1"]}');
    expect(migratedCodes('not json')).toBe('not json');
  });
});

describe('attaching codes in bulk', () => {
  it('adds codes through the condition upsert, never removes any, and is all or nothing', async () => {
    const store = await fixtureStore();
    const db = store;
    const before = await store.findCondition('gout');
    const report = await attachConditionCodes(db, [
      { condition: 'gout', system: 'umls', code: 'C0018099' },
      { condition: 'gout', system: 'icd10cm', code: 'M10' },
    ]);
    expect(report).toEqual({ added: 1, unchanged: 1, conditions: ['gout'] });
    const after = await store.findCondition('gout');
    expect(after?.codes).toEqual({ ...before?.codes, umls: ['C0018099'] });
    const version = await store.contentVersion();
    await expect(
      attachConditionCodes(db, [
        { condition: 'asthma', system: 'umls', code: 'C0004096' },
        { condition: 'no-such-thing', system: 'icd10cm', code: 'E11' },
      ]),
    ).rejects.toBeInstanceOf(UnknownConditionError);
    expect((await store.findCondition('asthma'))?.codes?.umls).toBeUndefined();
    expect(await store.contentVersion()).toBe(version);
  });

  it('works on an empty store too (nothing to attach)', async () => {
    const store = await openSqliteStore(':memory:');
    const db = store;
    expect(await attachConditionCodes(db, [])).toEqual({ added: 0, unchanged: 0, conditions: [] });
  });
});

describe('codes files (TSV)', () => {
  it('reads condition, system, code with an optional header in any column order', () => {
    const r = parseCodesTsv(
      '# codes\ncode\tcondition\tsystem\nE1165\tdiabetes\ticd10cm\n\n3027\tsacral-agenesis\t2.16.840.1.113883.6.90x\n',
      'c.tsv',
    );
    expect(r.rows).toEqual([{ condition: 'diabetes', system: 'icd10cm', code: 'E11.65', line: 3 }]);
    expect(r.problems).toEqual([
      expect.objectContaining({ line: 5, column: 22, message: expect.stringMatching(/unknown code system/) }),
    ]);
  });

  it('names the line and column of every problem', () => {
    const r = parseCodesTsv(
      [
        'gout\ticd10cm\tM10',
        'Gout!\ticd10cm\tM10',
        'gout\tsnomed\t44054007',
        'gout icd10cm M10',
        'gout\tumls\tC12',
      ].join('\n'),
      'codes.tsv',
    );
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 1],
      [3, 13],
      [4, 17],
      [5, 11],
    ]);
    expect(r.problems[1]!.message).toMatch(/check digit/);
    expect(r.problems[2]!.hint).toMatch(/tabs/);
    expect(r.problems.every((p) => p.file === 'codes.tsv')).toBe(true);
  });

  it('refuses an empty file', () => {
    expect(parseCodesTsv('# nothing\n', 'e.tsv').problems[0]!.message).toMatch(/no codes/);
  });
});

describe('OpenAPI', () => {
  it('describes /connect with the Infobutton parameters and three response formats', () => {
    const doc = openApiDocument('https://medbrief.example') as {
      paths: Record<
        string,
        { get: { parameters: { name: string }[]; responses: Record<string, { content?: object }> } }
      >;
      components: { schemas: Record<string, unknown> };
    };
    const op = doc.paths['/connect']!.get;
    expect(op.parameters.map((p) => p.name)).toEqual([
      'mainSearchCriteria.v.cs',
      'mainSearchCriteria.v.c',
      'mainSearchCriteria.v.dn',
      'informationRecipient',
      'informationRecipient.languageCode.c',
      'knowledgeResponseType',
      'callback',
    ]);
    expect(Object.keys(op.responses['200']!.content!)).toEqual([
      'text/xml',
      'application/json',
      'text/javascript',
    ]);
    expect(doc.components.schemas.ConnectResult).toBeDefined();
  });
});
