/**
 * Condition codes: the code systems MedBrief knows, how each code is written, and how a code as
 * an integrator sends it (any case, ICD without its dot, a "ORPHA:" prefix) becomes the one form
 * we store. One table; the zod schema, the Infobutton OIDs, JSON-LD `codingSystem` and the CLI
 * all read it.
 */

export const CODE_SYSTEMS = [
  'icd10cm',
  'snomedct',
  'umls',
  'orpha',
  'omim',
  'doid',
  'mesh',
  'icd9cm',
] as const;
export type CodeSystem = (typeof CODE_SYSTEMS)[number];

export interface CodeSystemInfo {
  /** Name shown to people and used as schema.org `MedicalCode.codingSystem`. */
  name: string;
  /** HL7 OID (Infobutton `mainSearchCriteria.v.cs`); absent when we know of none we could verify. */
  oid?: string;
  /** The stored form of a code. */
  pattern: RegExp;
  /** Written in error messages. */
  example: string;
  /** Where a person can check a code; `{code}` is replaced. */
  lookupUrl?: string;
  /** Extra check beyond the pattern (SNOMED CT's Verhoeff check digit). */
  check?: (code: string) => boolean;
}

/** Verhoeff check digit over a digit string (SNOMED CT identifiers end in one). */
export function verhoeffValid(digits: string): boolean {
  const d = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
  ];
  const p = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
  ];
  let c = 0;
  const rev = [...digits].reverse();
  for (let i = 0; i < rev.length; i++) c = d[c]![p[i % 8]![Number(rev[i])]!]!;
  return c === 0;
}

export const CODE_SYSTEM_INFO: Record<CodeSystem, CodeSystemInfo> = {
  icd10cm: {
    name: 'ICD-10-CM',
    oid: '2.16.840.1.113883.6.90',
    pattern: /^[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$/,
    example: 'E11.65 (a letter, two characters, then optionally "." and up to 4 more)',
    lookupUrl: 'https://icd10cmtool.cdc.gov/?fy=FY2026&query={code}',
  },
  snomedct: {
    name: 'SNOMED CT',
    oid: '2.16.840.1.113883.6.96',
    pattern: /^[1-9][0-9]{5,17}$/,
    example: '44054006 (6–18 digits ending in a valid check digit)',
    lookupUrl: 'https://browser.ihtsdotools.org/?perspective=full&conceptId1={code}',
    check: verhoeffValid,
  },
  umls: {
    name: 'UMLS',
    oid: '2.16.840.1.113883.6.86',
    pattern: /^C[0-9]{7}$/,
    example: 'C0011860 ("C" and 7 digits)',
    lookupUrl: 'https://uts.nlm.nih.gov/uts/umls/concept/{code}',
  },
  orpha: {
    name: 'ORPHA',
    pattern: /^[1-9][0-9]{0,6}$/,
    example: '3027 (the ORPHAcode number, without "ORPHA:")',
    lookupUrl: 'https://www.orpha.net/en/disease/detail/{code}',
  },
  omim: {
    name: 'OMIM',
    oid: '2.16.840.1.113883.6.174',
    pattern: /^[0-9]{6}$/,
    example: '222100 (6 digits)',
    lookupUrl: 'https://omim.org/entry/{code}',
  },
  doid: {
    name: 'DOID',
    pattern: /^DOID:[0-9]{1,7}$/,
    example: 'DOID:9352',
    lookupUrl: 'https://disease-ontology.org/?id={code}',
  },
  mesh: {
    name: 'MeSH',
    oid: '2.16.840.1.113883.6.177',
    pattern: /^[CD][0-9]{6,9}$/,
    example: 'D003924 (a descriptor "D…" or supplementary concept "C…" unique ID)',
    lookupUrl: 'https://meshb.nlm.nih.gov/record/ui?ui={code}',
  },
  icd9cm: {
    name: 'ICD-9-CM',
    oid: '2.16.840.1.113883.6.103',
    pattern: /^(?:[0-9]{3}|V[0-9]{2}|E[0-9]{3})(?:\.[0-9]{1,2})?$/,
    example: '250.00',
  },
};

/** Old front-matter names, read and translated (with a warning) so existing content keeps loading. */
export const LEGACY_CODE_KEYS: Readonly<Record<string, CodeSystem>> = {
  icd10: 'icd10cm',
  'icd-10-cm': 'icd10cm',
  snomed: 'snomedct',
  sctid: 'snomedct',
  cui: 'umls',
  orphanet: 'orpha',
  msh: 'mesh',
};

export function isCodeSystem(s: string): s is CodeSystem {
  return (CODE_SYSTEMS as readonly string[]).includes(s);
}

export function codeSystemForOid(oid: string): CodeSystem | undefined {
  return CODE_SYSTEMS.find((s) => CODE_SYSTEM_INFO[s].oid === oid);
}

/**
 * The stored form of a code as people and integrators write it: trimmed, upper-cased where the
 * system is, known prefixes removed ("ORPHA:3027", "MIM:222100", "MESH:D003924"), and an ICD
 * code without its dot ("E1165") given one. Returns the input unchanged when nothing applies;
 * validity is checked separately by `codeProblem`.
 */
export function normalizeCode(system: CodeSystem, raw: string): string {
  let c = raw.trim();
  switch (system) {
    case 'icd10cm':
      c = c.toUpperCase();
      if (/^[A-Z][0-9][0-9A-Z][0-9A-Z]{1,4}$/.test(c)) c = `${c.slice(0, 3)}.${c.slice(3)}`;
      return c.replace(/\.$/, '');
    case 'icd9cm':
      c = c.toUpperCase();
      if (/^(?:[0-9]{3}|V[0-9]{2})[0-9]{1,2}$/.test(c)) return `${c.slice(0, 3)}.${c.slice(3)}`;
      if (/^E[0-9]{4}$/.test(c)) return `${c.slice(0, 4)}.${c.slice(4)}`;
      return c;
    case 'umls':
      return c.toUpperCase().replace(/^UMLS:/, '');
    case 'orpha':
      return c.replace(/^ORPHA(?:NET)?[:_ ]?/i, '');
    case 'omim':
      return c.replace(/^(?:OMIM|MIM)[:# ]?/i, '');
    case 'doid':
      return /^[0-9]+$/.test(c) ? `DOID:${c}` : c.replace(/^doid[:_]/i, 'DOID:');
    case 'mesh':
      return c.toUpperCase().replace(/^(?:MESH|MSH):/, '');
    default:
      return c;
  }
}

/** Why a (normalized) code is not a valid code of its system, or null when it is. */
export function codeProblem(system: CodeSystem, code: string): string | null {
  const info = CODE_SYSTEM_INFO[system];
  if (code.length > 40 || !info.pattern.test(code)) {
    return `is not a ${info.name} code; write it like ${info.example}`;
  }
  if (info.check && !info.check(code)) {
    return `is not a ${info.name} code: its check digit is wrong (a typing error?)`;
  }
  return null;
}

/** ICD-10-CM parents, most specific first: E11.65 → E11.6 → E11. */
export function icd10Parents(code: string): string[] {
  const out: string[] = [];
  const [head, tail = ''] = code.split('.');
  for (let n = tail.length - 1; n >= 0; n--) out.push(n === 0 ? head! : `${head}.${tail.slice(0, n)}`);
  return out;
}

/** Codes of a condition: every system maps to one or more codes, in the stored form. */
export type ConditionCodes = Partial<Record<CodeSystem, string[]>>;

/** Every (system, code) pair of a condition, in the table's system order. */
export function codePairs(codes: ConditionCodes | undefined): { system: CodeSystem; code: string }[] {
  const out: { system: CodeSystem; code: string }[] = [];
  if (!codes) return out;
  for (const system of CODE_SYSTEMS) for (const code of codes[system] ?? []) out.push({ system, code });
  return out;
}
