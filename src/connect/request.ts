/**
 * The HL7 Infobutton URL-based request, as MedlinePlus Connect reads it: only the parameters we
 * use are read, unknown ones are ignored (the guide requires it), and every value is bounded
 * before it is looked at. A bad value is reported by parameter name, never echoed back raw.
 */
import {
  CODE_SYSTEM_INFO,
  CODE_SYSTEMS,
  type CodeSystem,
  codeProblem,
  codeSystemForOid,
  normalizeCode,
} from '../content/index.js';

export type ResponseFormat = 'atom' | 'json' | 'jsonp';

export interface ConnectRequest {
  system: CodeSystem | null;
  oid: string | null;
  code: string | null;
  displayName: string | null;
  recipient: 'PAT' | 'PROV';
  /** Requested language (lower-case primary subtag), default "en". */
  language: string;
  format: ResponseFormat;
  /** The media type to answer with (the one asked for, or our default for the format). */
  mediaType: string;
  callback: string | null;
}

export interface ParameterError {
  name: string;
  reason: string;
}

export const LIMITS = {
  /** Longer query strings are refused before being parsed (414). */
  maxQueryBytes: 8_192,
  maxCode: 64,
  maxOid: 64,
  maxDisplayName: 200,
  maxCallback: 64,
} as const;

export const PARAM = {
  system: 'mainSearchCriteria.v.cs',
  code: 'mainSearchCriteria.v.c',
  displayName: 'mainSearchCriteria.v.dn',
  recipient: 'informationRecipient',
  language: 'informationRecipient.languageCode.c',
  responseType: 'knowledgeResponseType',
  callback: 'callback',
} as const;

const RESPONSE_TYPES: Record<string, { format: ResponseFormat; mediaType: string }> = {
  'text/xml': { format: 'atom', mediaType: 'text/xml; charset=utf-8' },
  'application/xml': { format: 'atom', mediaType: 'application/xml; charset=utf-8' },
  'application/atom+xml': { format: 'atom', mediaType: 'application/atom+xml; charset=utf-8' },
  'application/json': { format: 'json', mediaType: 'application/json; charset=utf-8' },
  'text/javascript': { format: 'jsonp', mediaType: 'text/javascript; charset=utf-8' },
  'application/javascript': { format: 'jsonp', mediaType: 'text/javascript; charset=utf-8' },
};

const OID = /^[0-2](?:\.(?:0|[1-9][0-9]{0,9})){1,30}$/;
const CALLBACK = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** Systems an integrator can ask for by OID, for error messages. */
export function supportedOids(): string {
  return CODE_SYSTEMS.filter((s) => CODE_SYSTEM_INFO[s].oid)
    .map((s) => `${CODE_SYSTEM_INFO[s].oid} (${CODE_SYSTEM_INFO[s].name})`)
    .join(', ');
}

/** Letters, digits, spaces and common punctuation only; control and format characters removed. */
function cleanText(s: string): string {
  return s
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads the request from a query string (without the leading "?"). Returns the request, or the
 * list of parameters that are wrong (each named, with what to send instead).
 */
export function parseConnectQuery(
  query: string,
): { ok: true; request: ConnectRequest } | { ok: false; status: 400 | 414; errors: ParameterError[] } {
  if (query.length > LIMITS.maxQueryBytes) {
    return {
      ok: false,
      status: 414,
      errors: [
        { name: 'query', reason: `the query string is longer than ${LIMITS.maxQueryBytes} characters` },
      ],
    };
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return {
      ok: false,
      status: 400,
      errors: [{ name: 'query', reason: 'the query string cannot be decoded' }],
    };
  }
  const errors: ParameterError[] = [];
  const first = (name: string) => {
    const v = params.get(name);
    return v === null ? null : v.trim();
  };

  const rawOid = first(PARAM.system);
  const rawCode = first(PARAM.code);
  const rawName = first(PARAM.displayName);

  let system: CodeSystem | null = null;
  let oid: string | null = null;
  if (rawOid) {
    if (rawOid.length > LIMITS.maxOid || !OID.test(rawOid)) {
      errors.push({ name: PARAM.system, reason: `is not an OID; send one of: ${supportedOids()}` });
    } else {
      system = codeSystemForOid(rawOid) ?? null;
      if (!system) {
        errors.push({
          name: PARAM.system,
          reason: `this service holds no codes of that code system; send one of: ${supportedOids()}`,
        });
      } else oid = rawOid;
    }
  }

  let code: string | null = null;
  if (rawCode) {
    if (rawCode.length > LIMITS.maxCode) {
      errors.push({ name: PARAM.code, reason: `is longer than ${LIMITS.maxCode} characters` });
    } else if (!rawOid) {
      errors.push({
        name: PARAM.system,
        reason: `is missing: say which code system the code is from (${supportedOids()})`,
      });
    } else if (system) {
      const normalized = normalizeCode(system, rawCode);
      const problem = codeProblem(system, normalized);
      if (problem) errors.push({ name: PARAM.code, reason: problem });
      else code = normalized;
    }
  }

  let displayName: string | null = null;
  if (rawName) {
    const cleaned = cleanText(rawName);
    if (rawName.length > LIMITS.maxDisplayName * 4 || cleaned.length > LIMITS.maxDisplayName) {
      errors.push({ name: PARAM.displayName, reason: `is longer than ${LIMITS.maxDisplayName} characters` });
    } else if (cleaned) displayName = cleaned;
  }

  if (!rawCode && !rawName && errors.length === 0) {
    errors.push({
      name: PARAM.code,
      reason: `is missing: send a code (with ${PARAM.system}) or a display name in ${PARAM.displayName}`,
    });
  }

  let recipient: 'PAT' | 'PROV' = 'PAT';
  const rawRecipient = first(PARAM.recipient) ?? first(`${PARAM.recipient}.c`);
  if (rawRecipient) {
    const r = rawRecipient.toUpperCase();
    if (r === 'PAT' || r === 'PROV') recipient = r;
    else
      errors.push({ name: PARAM.recipient, reason: 'must be PAT (patient) or PROV (health care provider)' });
  }

  let language = 'en';
  const rawLanguage = first(PARAM.language);
  if (rawLanguage) {
    if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(rawLanguage) || rawLanguage.length > 35) {
      errors.push({ name: PARAM.language, reason: 'must be a language code such as "en" or "es"' });
    } else language = rawLanguage.split('-')[0]!.toLowerCase();
  }

  let format: ResponseFormat = 'atom';
  let mediaType = RESPONSE_TYPES['text/xml']!.mediaType;
  const rawType = first(PARAM.responseType);
  if (rawType) {
    const t = RESPONSE_TYPES[rawType.toLowerCase()];
    if (t) ({ format, mediaType } = t);
    else {
      errors.push({
        name: PARAM.responseType,
        reason: 'must be text/xml (Atom), application/json, or text/javascript (JSONP, with callback)',
      });
    }
  }

  let callback: string | null = null;
  if (format === 'jsonp') {
    const raw = first(PARAM.callback);
    if (!raw) {
      errors.push({ name: PARAM.callback, reason: 'is required with knowledgeResponseType=text/javascript' });
    } else if (raw.length > LIMITS.maxCallback || !CALLBACK.test(raw)) {
      errors.push({
        name: PARAM.callback,
        reason: `must be a JavaScript name of letters, digits, "_" and "." (at most ${LIMITS.maxCallback} characters)`,
      });
    } else callback = raw;
  }

  if (errors.length) return { ok: false, status: 400, errors };
  return {
    ok: true,
    request: { system, oid, code, displayName, recipient, language, format, mediaType, callback },
  };
}
