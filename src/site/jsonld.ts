/**
 * schema.org structured data for answer pages. Shapes are typed with schema-dts so the compiler
 * checks them against the vocabulary. The one rule that matters most: `lastReviewed` and
 * `reviewedBy` are claimed only when the review badge is bound to the published revision — the
 * same decision the visible review box makes.
 */
import type {
  CreativeWork,
  MedicalCode,
  MedicalCondition,
  MedicalWebPage,
  Organization,
  Person,
  Question,
  WithContext,
} from 'schema-dts';
import { CODE_SYSTEM_INFO, codePairs, type ReviewBadge } from '../content/index.js';
import type { AnswerView, ConditionRecord } from '../store/index.js';
import type { SiteConfig } from './config.js';
import { markdownToText } from './markdown.js';
import { answerPath, conditionPath, publisherName } from './model.js';

/** Condition codes as schema.org `MedicalCode`s, `codingSystem` named as in CODE_SYSTEM_INFO. */
function medicalCodes(codes: ConditionRecord['codes']): MedicalCode[] {
  return codePairs(codes).map(({ system, code }) => ({
    '@type': 'MedicalCode',
    codeValue: code,
    codingSystem: CODE_SYSTEM_INFO[system].name,
  }));
}

export function publisherJsonLd(config: SiteConfig): Organization {
  return { '@type': 'Organization', name: config.siteName, url: `${config.baseUrl}/` };
}

export function reviewerJsonLd(
  reviewer: { id: string; name: string; credentials: string },
  config: SiteConfig,
): Person {
  return {
    '@type': 'Person',
    name: reviewer.name,
    url: `${config.baseUrl}/reviewers/${reviewer.id}`,
    hasCredential: { '@type': 'EducationalOccupationalCredential', name: reviewer.credentials },
  };
}

export interface AnswerJsonLdInput {
  view: AnswerView;
  badge: ReviewBadge;
  /** The full condition (synonyms, codes); without it only the name is known. */
  condition?: ConditionRecord | null;
  config: SiteConfig;
}

export function answerJsonLd({
  view,
  badge,
  condition,
  config,
}: AnswerJsonLdInput): WithContext<MedicalWebPage> {
  const a = view.revision.answer;
  const url = `${config.baseUrl}${answerPath(view.conditionSlug, view.slug)}`;
  const codes = medicalCodes(condition?.codes);
  const about: MedicalCondition = {
    '@type': 'MedicalCondition',
    name: condition?.name ?? view.conditionName,
    url: `${config.baseUrl}${conditionPath(view.conditionSlug)}`,
    ...(condition?.synonyms.length ? { alternateName: condition.synonyms } : {}),
    ...(codes.length ? { code: codes.length === 1 ? codes[0]! : codes } : {}),
  };
  const mainEntity: Question = {
    '@type': 'Question',
    name: a.question,
    acceptedAnswer: {
      '@type': 'Answer',
      text: a.tldr,
      url,
    },
  };
  const citation: CreativeWork[] = a.sources.map((s) => ({
    '@type': 'CreativeWork',
    name: s.title,
    url: s.url,
    ...(s.publisher ? { publisher: { '@type': 'Organization', name: s.publisher } } : {}),
  }));
  const page: WithContext<MedicalWebPage> = {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    '@id': url,
    url,
    name: a.question,
    description: markdownToText(a.tldr),
    inLanguage: 'en',
    about,
    mainEntity,
    medicalAudience: { '@type': a.audience === 'professional' ? 'MedicalAudience' : 'Patient' },
    dateModified: view.updated,
    publisher: publisherJsonLd(config),
    ...(citation.length ? { citation } : {}),
  };
  if (badge.kind === 'reviewed') {
    page.lastReviewed = badge.reviewed;
    page.reviewedBy = reviewerJsonLd(badge.reviewer, config);
  }
  if (badge.kind === 'imported') {
    // Imported text is the original publisher's work: say so rather than claim it as ours.
    page.isBasedOn = {
      '@type': 'CreativeWork',
      publisher: { '@type': 'Organization', name: publisherName(badge.publisher) },
      ...(badge.url ? { url: badge.url } : {}),
    };
  }
  return page;
}

/**
 * Serialises structured data for a `<script type="application/ld+json">` element. `<`, `>` and
 * `&` become JSON unicode escapes so content can never close the script element ("</script>") or
 * open a comment, and U+2028/U+2029 are escaped because older JavaScript parsers treat them as
 * line ends. The result still parses to exactly the same JSON value.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
