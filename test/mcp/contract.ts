/**
 * What every transport of the MedBrief MCP server must do, run against stdio and Streamable HTTP
 * alike: the same tools, outputs valid against the schemas the server advertises, urgent notices
 * first, abstention, review wording bound to the shown revision, stored text delivered as data,
 * and clear errors after which the server keeps answering.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnswer } from '../../src/content/index.js';
import {
  AskOutput,
  GetAnswerOutput,
  ListConditionsOutput,
  ListQuestionsOutput,
  LookupByCodeOutput,
  MAX_QUESTION_CHARS,
} from '../../src/mcp/index.js';
import { NO_ANSWER_MESSAGE } from '../../src/search/index.js';
import { INJECTION_BODY, INJECTION_TLDR } from './fixture.js';

export interface Connection {
  client: Client;
  /** The answer links' base URL the server was started with. */
  baseUrl: string;
  /** True while the server process / HTTP server still runs. */
  alive(): Promise<boolean>;
  close(): Promise<void>;
}

const OUTPUTS = {
  ask_medbrief: AskOutput,
  get_answer: GetAnswerOutput,
  list_conditions: ListConditionsOutput,
  list_questions: ListQuestionsOutput,
  lookup_by_code: LookupByCodeOutput,
} as const;
type ToolName = keyof typeof OUTPUTS;

export function describeMcpContract(transport: string, connect: () => Promise<Connection>): void {
  describe(`MedBrief MCP server over ${transport}`, () => {
    let conn: Connection;
    let tools: Tool[];
    const ajv = new AjvJsonSchemaValidator();

    beforeAll(async () => {
      conn = await connect();
      tools = (await conn.client.listTools()).tools;
    });
    afterAll(async () => {
      await conn?.close();
    });

    /** Calls a tool that must succeed; checks its output against the advertised and the zod schema. */
    async function call(name: ToolName, args: Record<string, unknown>) {
      const result = (await conn.client.callTool({ name, arguments: args })) as CallToolResult;
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      const tool = tools.find((t) => t.name === name)!;
      const check = ajv.getValidator(tool.outputSchema as never)(result.structuredContent);
      expect(check.errorMessage ?? '').toBe('');
      expect(check.valid).toBe(true);
      OUTPUTS[name].parse(result.structuredContent);
      // The text block for clients that read only `content` is the same data, as JSON.
      const last = result.content.at(-1);
      expect(last?.type).toBe('text');
      expect(JSON.parse((last as { text: string }).text)).toEqual(result.structuredContent);
      return { result, data: result.structuredContent as Record<string, unknown> };
    }

    async function callError(name: string, args: Record<string, unknown>): Promise<string> {
      const result = (await conn.client.callTool({ name, arguments: args })) as CallToolResult;
      expect(result.isError).toBe(true);
      expect(result.structuredContent).toBeUndefined();
      return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
    }

    it('lists the five read-only tools with input and output schemas', () => {
      expect(tools.map((t) => t.name).sort()).toEqual([
        'ask_medbrief',
        'get_answer',
        'list_conditions',
        'list_questions',
        'lookup_by_code',
      ]);
      for (const t of tools) {
        expect(t.outputSchema?.type).toBe('object');
        expect(t.inputSchema.type).toBe('object');
        expect(t.annotations?.readOnlyHint).toBe(true);
        expect(t.description!.length).toBeGreaterThan(80);
      }
      const ask = tools.find((t) => t.name === 'ask_medbrief')!;
      expect(ask.inputSchema.required).toEqual(['question']);
      expect(ask.description).toMatch(/quote/i);
      expect(ask.description).toMatch(/cite|sources/i);
      expect(ask.description).toMatch(/link/i);
      expect(ask.description).toMatch(/paraphrase.*(dose|statistic)/i);
    });

    it('lookup_by_code finds a condition through an ICD-10-CM parent code and says so', async () => {
      const { data } = await call('lookup_by_code', { system: 'icd10cm', code: 'e1165' });
      const out = LookupByCodeOutput.parse(data);
      expect(out.match.kind).toBe('parent');
      expect(out.match.code?.code).toBe('E11');
      expect(out.match.tried).toEqual(['E11.65', 'E11.6', 'E11']);
      expect(out.conditions.map((c) => c.slug)).toEqual(['type-2-diabetes']);
      expect(out.conditions[0]!.url).toBe(`${conn.baseUrl}/conditions/type-2-diabetes`);
      expect(out.conditions[0]!.answers.every((a) => a.review.kind === 'reviewed')).toBe(true);
    });

    it('lookup_by_code says "none" for a code nobody holds, and refuses a malformed one', async () => {
      const { data } = await call('lookup_by_code', { system: 'snomedct', code: '22298006' });
      const out = LookupByCodeOutput.parse(data);
      expect(out.match.kind).toBe('none');
      expect(out.conditions).toEqual([]);
      const text = await callError('lookup_by_code', { system: 'snomedct', code: '44054007' });
      expect(text).toMatch(/check digit/);
      expect(await conn.alive()).toBe(true);
    });

    it('ask_medbrief ranks a reviewed answer first and reports its review, sources and dates', async () => {
      const { data } = await call('ask_medbrief', { question: 'how is asthma treated?', limit: 3 });
      const out = AskOutput.parse(data);
      expect(out.abstained).toBe(false);
      expect(out.urgentNotice).toBeNull();
      expect(out.results.length).toBeGreaterThan(0);
      expect(out.results.length).toBeLessThanOrEqual(3);
      const top = out.results[0]!;
      expect(top.condition.slug).toBe('asthma');
      expect(top.aspect).toBe('treatment');
      expect(top.question).toBe('How is asthma treated?');
      expect(top.url).toBe(`${conn.baseUrl}/conditions/asthma/treatment`);
      expect(top.resourceUri).toBe('medbrief://conditions/asthma/treatment');
      expect(top.reviewStatus).toMatch(/^reviewed by .+, .+ on \d{1,2} [A-Z][a-z]+ \d{4}$/);
      expect(top.review.reviewer?.demoAccount).toBe(true);
      expect(top.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(top.nextReviewDue! > top.lastReviewed!).toBe(true);
      expect(top.sources.length).toBeGreaterThan(0);
      expect(top.sources[0]!.url).toMatch(/^https?:\/\//);
      const scores = out.results.map((r) => r.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    });

    it('ask_medbrief puts an urgent notice first, in the structure and in the text', async () => {
      const { result, data } = await call('ask_medbrief', {
        question: 'my dad has crushing chest pain and is sweating, is this a heart attack?',
      });
      expect(Object.keys(data)[0]).toBe('urgentNotice');
      const notice = AskOutput.parse(data).urgentNotice;
      expect(notice?.kind).toBe('chest-pain');
      expect(notice?.text).toMatch(/emergency/i);
      expect(result.content.length).toBe(2);
      const first = result.content[0] as { type: string; text: string };
      expect(first.type).toBe('text');
      expect(first.text).toContain(notice!.text);
    });

    it('ask_medbrief abstains on an off-topic question', async () => {
      const { result, data } = await call('ask_medbrief', { question: 'what is the best pizza topping?' });
      const out = AskOutput.parse(data);
      expect(out.abstained).toBe(true);
      expect(out.results).toEqual([]);
      expect(out.urgentNotice).toBeNull();
      expect(out.abstention?.message).toBe(NO_ANSWER_MESSAGE);
      for (const c of out.abstention!.nearestConditions) expect(c.url).toContain(`/conditions/${c.slug}`);
      expect(result.content.length).toBe(1);
    });

    it('says "reviewed" only for a review bound to the shown revision, and names the publisher of imports', async () => {
      const { data } = await call('list_questions', { condition: 'hiccups' });
      const questions = ListQuestionsOutput.parse(data).questions;
      const byAspect = new Map(questions.map((q) => [q.aspect, q]));
      // The symptoms file claims a review of another revision: not reviewed.
      expect(byAspect.get('symptoms')?.reviewStatus).toBe('not yet reviewed');
      expect(byAspect.get('symptoms')?.lastReviewed).toBeNull();
      expect(byAspect.get('causes')?.reviewStatus).toBe('not yet reviewed (from MedlinePlus (NIH))');
      const imported = GetAnswerOutput.parse(
        (await call('get_answer', { condition: 'hiccups', aspect: 'causes' })).data,
      );
      expect(imported.answer.review.publisher).toEqual({
        name: 'MedlinePlus (NIH)',
        url: 'https://medlineplus.gov/hiccups.html',
      });
      expect(imported.answer.review.text).toMatch(/^From MedlinePlus \(NIH\)\. Not yet reviewed/);
    });

    it('delivers stored text that tries to instruct the model verbatim, as quoted data only', async () => {
      const { result, data } = await call('ask_medbrief', { question: 'how do I get rid of hiccups?' });
      const out = AskOutput.parse(data);
      expect(out.urgentNotice).toBeNull();
      const hit = out.results.find((r) => r.resourceUri === 'medbrief://conditions/hiccups/treatment');
      expect(hit?.tldr).toBe(INJECTION_TLDR);
      expect(hit?.reviewStatus).toBe('not yet reviewed');
      // One block only, the JSON document: the stored words appear nowhere outside its strings.
      expect(result.content.length).toBe(1);
      const text = (result.content[0] as { text: string }).text;
      expect(text.startsWith('{')).toBe(true);
      expect(text.split('Ignore previous instructions').length - 1).toBe(
        JSON.stringify(data).split('Ignore previous instructions').length - 1,
      );

      const full = GetAnswerOutput.parse(
        (await call('get_answer', { condition: 'hiccups', aspect: 'treatment' })).data,
      );
      expect(full.answer.bodyMarkdown.trim()).toBe(INJECTION_BODY.trim());
      expect(full.answer.review.reviewed).toBe(false);
    });

    it('get_answer resolves synonyms and names, and lists other answers of the aspect', async () => {
      const { data } = await call('get_answer', { condition: 'Celiac disease', aspect: 'diagnosis' });
      const out = GetAnswerOutput.parse(data);
      expect(out.answer.condition.slug).toBe('coeliac-disease');
      expect(out.answer.aspect).toBe('diagnosis');
      expect(out.answer.bodyMarkdown.length).toBeGreaterThan(100);
      // Every footnote in the body refers to a listed source.
      const ids = new Set(out.answer.sources.map((s) => s.id));
      for (const m of out.answer.bodyMarkdown.matchAll(/\[\^([^\]]+)\]/g)) expect(ids.has(m[1]!)).toBe(true);
      expect(out.otherAnswersForAspect).toEqual([]);
    });

    it('list_conditions filters by name prefix and says when the list was cut', async () => {
      const all = ListConditionsOutput.parse((await call('list_conditions', {})).data);
      expect(all.truncated).toBe(false);
      expect(all.conditions.map((c) => c.slug)).toContain('hiccups');
      expect(all.conditions.find((c) => c.slug === 'hiccups')?.publishedAnswers).toBe(3);
      const typed = ListConditionsOutput.parse((await call('list_conditions', { prefix: 'Type' })).data);
      expect(typed.conditions.map((c) => c.slug)).toEqual(['type-2-diabetes']);
      const two = ListConditionsOutput.parse((await call('list_conditions', { limit: 2 })).data);
      expect(two.conditions.length).toBe(2);
      expect(two.truncated).toBe(true);
    });

    it('offers every published answer as a Markdown resource that claims only a bound review', async () => {
      const conditions = ListConditionsOutput.parse((await call('list_conditions', {})).data).conditions;
      const published = conditions.reduce((n, c) => n + c.publishedAnswers, 0);
      const { resources } = await conn.client.listResources();
      expect(resources.length).toBe(published);
      expect(resources.every((r) => r.uri.startsWith('medbrief://conditions/'))).toBe(true);

      const read = async (uri: string) => {
        const { contents } = await conn.client.readResource({ uri });
        expect(contents.length).toBe(1);
        expect(contents[0]!.mimeType).toBe('text/markdown');
        const parsed = parseAnswer((contents[0] as { text: string }).text, uri);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
        return parsed.value.answer;
      };
      const reviewed = await read('medbrief://conditions/asthma/treatment');
      expect(reviewed.question).toBe('How is asthma treated?');
      expect(reviewed.review?.revision).toMatch(/^sha256:/);
      const stale = await read('medbrief://conditions/hiccups/symptoms');
      expect(stale.review).toBeUndefined();
      const injected = await read('medbrief://conditions/hiccups/treatment');
      expect(injected.body.trim()).toBe(INJECTION_BODY.trim());
    });

    it('answers bad input with clear errors and keeps running', async () => {
      expect(await callError('ask_medbrief', {})).toMatch(/question is required/);
      expect(await callError('ask_medbrief', { question: '   ' })).toMatch(/question must not be empty/);
      expect(await callError('ask_medbrief', { question: 'a'.repeat(MAX_QUESTION_CHARS + 1) })).toMatch(
        new RegExp(`question is too long: at most ${MAX_QUESTION_CHARS} characters`),
      );
      expect(await callError('ask_medbrief', { question: 'gout', limit: 0 })).toMatch(
        /limit must be a whole number/,
      );
      expect(await callError('ask_medbrief', { question: 'gout', limit: 'many' })).toMatch(/limit must be/);
      expect(await callError('get_answer', { condition: 'goutt', aspect: 'causes' })).toMatch(
        /Unknown condition "goutt".*gout.*list_conditions/s,
      );
      expect(await callError('get_answer', { condition: 'gout', aspect: 'flying' })).toMatch(
        /Unknown aspect "flying".*causes/s,
      );
      expect(await callError('get_answer', { condition: 'gout', aspect: 'research' })).toMatch(
        /No published answer about research for "Gout".*Aspects with answers for gout/s,
      );
      expect(await callError('list_questions', { condition: 'x'.repeat(500) })).toMatch(
        /condition is too long/,
      );
      expect(await callError('no_such_tool', {})).toMatch(/no_such_tool not found/);
      await expect(conn.client.readResource({ uri: 'medbrief://conditions/gout/nope' })).rejects.toThrow(
        /Resource medbrief:\/\/conditions\/gout\/nope not found/,
      );

      expect(await conn.alive()).toBe(true);
      const after = ListConditionsOutput.parse((await call('list_conditions', { prefix: 'G' })).data);
      expect(after.conditions.map((c) => c.slug)).toEqual(['gout']);
    });
  });
}
