/**
 * What each tool answers, as plain functions over the store and the ask service: no MCP types
 * here, so they are easy to test and the server file only wires them up. Nothing is generated:
 * every string in an output is stored content, a stored name, a URL or the shared review wording.
 */
import type { ConnectProvider } from '../connect/index.js';
import {
  ASPECTS,
  CODE_SYSTEM_INFO,
  type CodeSystem,
  codeProblem,
  normalizeCode,
  type Reviewer,
  slugify,
} from '../content/index.js';
import { NO_ANSWER_MESSAGE } from '../search/index.js';
import type { SiteConfig } from '../site/index.js';
import { type ConditionRecord, publishedAnswerByRef, type Store } from '../store/index.js';
import type { AskService } from './ask-service.js';
import { ToolInputError } from './errors.js';
import { answerRecord, answerResourceUri, answerUrl, conditionRef } from './records.js';
import {
  type AskOutput,
  DEFAULT_ASK_LIMIT,
  DEFAULT_LIST_LIMIT,
  type GetAnswerOutput,
  type ListConditionsOutput,
  type ListQuestionsOutput,
  type LookupByCodeOutput,
} from './schemas.js';

export interface ToolDeps {
  store: Store;
  config: SiteConfig;
  ask: () => Promise<AskService>;
  connect: ConnectProvider;
}

async function reviewerMap(store: Store): Promise<Map<string, Reviewer>> {
  return new Map((await store.listReviewers()).map((r) => [r.id, r]));
}

/** Echo of caller input inside an error message: short and quoted, never raw. */
function quoted(input: string): string {
  return JSON.stringify(input.length > 80 ? `${input.slice(0, 80)}…` : input);
}

export async function askMedbrief(
  deps: ToolDeps,
  input: { question: string; limit?: number },
): Promise<AskOutput> {
  const limit = input.limit ?? DEFAULT_ASK_LIMIT;
  const service = await deps.ask();
  const result = await service.ask(input.question, { limit });
  const reviewers = await reviewerMap(deps.store);
  const results: AskOutput['results'] = [];
  for (const hit of result.results.slice(0, limit)) {
    // The index may be older than the store: an answer unpublished since then is skipped.
    const view = await publishedAnswerByRef(deps.store, hit.answerId);
    if (view) results.push({ ...answerRecord(view, reviewers, deps.config), score: hit.score });
  }
  const abstained = result.abstained || results.length === 0;
  return {
    urgentNotice: result.redFlag ? { kind: result.redFlag.kind, text: result.redFlag.message } : null,
    abstained,
    abstention: abstained
      ? {
          message: result.message ?? NO_ANSWER_MESSAGE,
          reason: result.reason ?? null,
          nearestConditions: result.nearestConditions.map((c) => conditionRef(deps.config, c.slug, c.name)),
        }
      : null,
    results: abstained ? [] : results,
  };
}

/** A condition by slug, synonym or name; otherwise an error that says how to find the slug. */
export async function findConditionOrThrow(store: Store, input: string): Promise<ConditionRecord> {
  const slug = slugify(input);
  const found = slug ? await store.findCondition(slug) : null;
  if (found) return found;
  const stem = input.trim().slice(0, 3);
  const near = stem ? await store.listConditions({ prefix: stem, limit: 5 }) : [];
  const suggestion = near.length
    ? `Conditions starting with ${quoted(stem)}: ${near.map((c) => c.slug).join(', ')}. `
    : '';
  throw new ToolInputError(
    `Unknown condition ${quoted(input)}`,
    `${suggestion}Call list_conditions (optionally with a prefix) to find a condition's slug.`,
  );
}

export async function getAnswer(
  deps: ToolDeps,
  input: { condition: string; aspect: string },
): Promise<GetAnswerOutput> {
  const condition = await findConditionOrThrow(deps.store, input.condition);
  const answers = await deps.store.listPublishedAnswers(condition.slug);
  const key = slugify(input.aspect);
  const match = answers.find((a) => a.slug === key) ?? answers.find((a) => a.aspect === key);
  if (!match) {
    const available = [...new Set(answers.map((a) => a.aspect))];
    if (available.length === 0) {
      throw new ToolInputError(
        `${quoted(condition.name)} has no published answers yet`,
        'Call list_conditions to see which conditions have answers.',
      );
    }
    const known = (ASPECTS as readonly string[]).includes(key);
    throw new ToolInputError(
      known
        ? `No published answer about ${key} for ${quoted(condition.name)}`
        : `Unknown aspect ${quoted(input.aspect)}: use one of ${ASPECTS.join(', ')}`,
      `Aspects with answers for ${condition.slug}: ${available.join(', ')}. Call list_questions to see every question.`,
    );
  }
  const reviewers = await reviewerMap(deps.store);
  return {
    answer: { ...answerRecord(match, reviewers, deps.config), bodyMarkdown: match.revision.answer.body },
    otherAnswersForAspect: answers
      .filter((a) => a.aspect === match.aspect && a.slug !== match.slug)
      .map((a) => ({
        question: a.revision.answer.question,
        slug: a.slug,
        resourceUri: answerResourceUri(a.conditionSlug, a.slug),
      })),
  };
}

export async function listConditions(
  deps: ToolDeps,
  input: { prefix?: string; limit?: number },
): Promise<ListConditionsOutput> {
  const limit = input.limit ?? DEFAULT_LIST_LIMIT;
  const prefix = input.prefix?.trim() || undefined;
  // One extra row tells whether the list was cut.
  const rows = await deps.store.listConditions({ prefix, limit: limit + 1 });
  return {
    conditions: rows.slice(0, limit).map((c) => ({
      ...conditionRef(deps.config, c.slug, c.name),
      synonyms: c.synonyms,
      publishedAnswers: c.answerCount,
    })),
    truncated: rows.length > limit,
  };
}

export async function listQuestions(
  deps: ToolDeps,
  input: { condition: string },
): Promise<ListQuestionsOutput> {
  const condition = await findConditionOrThrow(deps.store, input.condition);
  const [answers, reviewers] = await Promise.all([
    deps.store.listPublishedAnswers(condition.slug),
    reviewerMap(deps.store),
  ]);
  return {
    condition: { ...conditionRef(deps.config, condition.slug, condition.name), synonyms: condition.synonyms },
    questions: answers.map((view) => {
      const r = answerRecord(view, reviewers, deps.config);
      return {
        question: r.question,
        aspect: r.aspect,
        slug: r.slug,
        url: answerUrl(deps.config, view.conditionSlug, view.slug),
        resourceUri: r.resourceUri,
        reviewStatus: r.reviewStatus,
        lastReviewed: r.lastReviewed,
        nextReviewDue: r.nextReviewDue,
      };
    }),
  };
}

/** The `/api/v1/connect` lookup for a code: exact, ICD-10-CM parents, then the display name. */
export async function lookupByCode(
  deps: ToolDeps,
  input: { system: CodeSystem; code: string; displayName?: string; audience?: 'patient' | 'professional' },
): Promise<LookupByCodeOutput> {
  const code = normalizeCode(input.system, input.code);
  const problem = codeProblem(input.system, code);
  if (problem) {
    throw new ToolInputError(
      `code ${quoted(input.code)} ${problem}`,
      `Send a ${CODE_SYSTEM_INFO[input.system].name} code, or another system.`,
    );
  }
  const index = await deps.connect();
  return index.lookup({
    system: input.system,
    code,
    displayName: input.displayName?.replace(/[\p{Cc}\p{Cf}]/gu, ' ').trim() || null,
    recipient: input.audience === 'professional' ? 'PROV' : 'PAT',
    language: 'en',
  });
}
