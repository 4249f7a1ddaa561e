import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../../src/content/index.js';
import { loadContentFolder } from '../../../src/import/markdown/index.js';
import { htmlPageMeta, importPages, listPageFiles, PageIoError } from '../../../src/import/page/index.js';
import { inheritanceHtml, PAGE_WITHOUT_QUESTION, pagesDir, tempDir } from './helpers/pages.js';

function answerOf(file: string) {
  const r = parseAnswer(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.value.answer;
}

describe('an HTML page', () => {
  it('becomes a draft with headings, a list, the page address and publisher, and no review', () => {
    const out = tempDir();
    const [o] = importPages([inheritanceHtml], 'html', { out });
    if (o?.status !== 'written') throw new Error(String(o?.status));
    const a = answerOf(o.answerFile);
    expect(a).toMatchObject({
      question: 'Is achondroplasia inherited?',
      condition: 'achondroplasia',
      aspect: 'inheritance',
      tldr: 'Achondroplasia is inherited in an autosomal dominant pattern. Most children with it have parents of average size.',
      origin: {
        collection: 'html',
        publisher: 'Example Health',
        url: 'https://example.org/achondroplasia/inheritance?src=a&b=1',
      },
    });
    expect(a.review).toBeUndefined();
    expect(a.updated).toBeUndefined(); // "04/07/2025" can be read two ways
    expect(a.body).toContain('## When a parent is affected');
    expect(a.body).toContain(
      'usually have:\n\n- a severe form with extreme shortening of the bones\n- an underdeveloped rib cage',
    );
    expect(a.body).toContain('<https://ghr.nlm.nih.gov/condition/achondroplasia>');
    expect(a.body).not.toMatch(/disclaimer/i);
    expect(o.messages.map((m) => m.ruleId)).toContain('date-ambiguous');
  });

  it('--publisher and --url win over what the page head says', () => {
    const out = tempDir();
    const [o] = importPages([inheritanceHtml], 'html', {
      out,
      publisher: 'NIH',
      url: 'https://ghr.nlm.nih.gov/condition/achondroplasia',
    });
    if (o?.status !== 'written') throw new Error(String(o?.status));
    expect(o.draft.answer.origin).toEqual({
      collection: 'html',
      publisher: 'NIH',
      url: 'https://ghr.nlm.nih.gov/condition/achondroplasia',
    });
  });
});

describe('htmlPageMeta', () => {
  it('reads canonical link, og:url and og:site_name; ignores relative and script URLs', () => {
    expect(
      htmlPageMeta('<link href="https://a.org/x" rel="canonical"><meta property="og:site_name" content="A">'),
    ).toEqual({
      url: 'https://a.org/x',
      siteName: 'A',
    });
    expect(htmlPageMeta('<meta property="og:url" content="https://b.org/y">').url).toBe('https://b.org/y');
    expect(htmlPageMeta('<link rel="canonical" href="/relative">').url).toBeUndefined();
    expect(htmlPageMeta('<link rel="canonical" href="javascript:alert(1)">').url).toBeUndefined();
  });
});

describe('a folder of HTML pages', () => {
  it('imports every .html/.htm file (not other files) into one valid content folder', () => {
    const files = listPageFiles(pagesDir, 'html');
    expect(files.map((f) => f.slice(pagesDir.length + 1))).toEqual([
      'achondroplasia-frequency.html',
      'achondroplasia-overview.htm',
    ]);
    const out = tempDir();
    const outcomes = importPages(files, 'html', { out });
    expect(outcomes.map((o) => o.status)).toEqual(['written', 'written']);
    expect(outcomes.map((o) => o.status === 'written' && o.draft.answer.aspect)).toEqual([
      'frequency',
      'overview',
    ]);
    // condition.md is created by the first page and reused by the second.
    expect(outcomes.map((o) => o.status === 'written' && Boolean(o.conditionFile))).toEqual([true, false]);
    const loaded = loadContentFolder(out);
    expect(loaded.problems).toEqual([]);
    expect(loaded.bundle.answers.map((a) => a.aspect).sort()).toEqual(['frequency', 'overview']);
    expect(loaded.bundle.conditions.map((c) => c.slug)).toEqual(['achondroplasia']);
  });

  it('reports an unrecognised page and still imports the others', () => {
    const dir = tempDir();
    const out = join(dir, 'content');
    writeFileSync(join(dir, 'a.html'), `<p>${PAGE_WITHOUT_QUESTION.replace(/\n/g, '</p><p>')}</p>`);
    writeFileSync(join(dir, 'b.html'), '<h2>Is gout inherited?</h2><p>TL;DR: Partly: genes play a part.</p>');
    const outcomes = importPages(listPageFiles(dir, 'html'), 'html', { out });
    expect(outcomes.map((o) => o.status)).toEqual(['not-recognised', 'written']);
    const [bad] = outcomes;
    expect(bad?.status === 'not-recognised' && bad.problem.code).toBe('no-question');
    expect(existsSync(join(out, 'gout', 'inheritance.md'))).toBe(true);
  });

  it('does not let two pages of one run write the same answer file, even with --force', () => {
    const dir = tempDir();
    const page = '<h2>How is gout treated?</h2><p>TL;DR: With medicines.</p>';
    writeFileSync(join(dir, 'a.html'), page);
    writeFileSync(join(dir, 'b.html'), page.replace('medicines', 'colchicine'));
    const outcomes = importPages(listPageFiles(dir, 'html'), 'html', { out: join(dir, 'out'), force: true });
    expect(outcomes.map((o) => o.status)).toEqual(['written', 'exists']);
    const second = outcomes[1]!;
    expect(second.status === 'exists' && second.takenBy).toBe(join(dir, 'a.html'));
    expect(answerOf(join(dir, 'out', 'gout', 'treatment.md')).tldr).toBe('With medicines.');
  });
});

describe('existing files', () => {
  it('are never overwritten without --force; with it the answer is replaced but condition.md is kept', () => {
    const out = tempDir();
    mkdirSync(join(out, 'achondroplasia'), { recursive: true });
    const answerFile = join(out, 'achondroplasia', 'inheritance.md');
    const conditionFile = join(out, 'achondroplasia', 'condition.md');
    writeFileSync(answerFile, 'hand-written answer\n');
    writeFileSync(conditionFile, '---\nname: Achondroplasia\nsynonyms: [ACH]\n---\nKept.\n');

    const [refused] = importPages([inheritanceHtml], 'html', { out });
    expect(refused?.status).toBe('exists');
    expect(readFileSync(answerFile, 'utf8')).toBe('hand-written answer\n');

    const [forced] = importPages([inheritanceHtml], 'html', { out, force: true });
    if (forced?.status !== 'written') throw new Error(String(forced?.status));
    expect(forced.overwritten).toBe(true);
    expect(forced.conditionFile).toBeUndefined();
    expect(answerOf(answerFile).question).toBe('Is achondroplasia inherited?');
    expect(readFileSync(conditionFile, 'utf8')).toContain('Kept.');
  });

  it('a page naming a synonym of a condition in the folder joins that condition', () => {
    const out = tempDir();
    mkdirSync(join(out, 'sacral-agenesis'), { recursive: true });
    writeFileSync(
      join(out, 'sacral-agenesis', 'condition.md'),
      '---\nname: Sacral agenesis\nsynonyms: [Caudal regression syndrome]\n---\n',
    );
    const dir = tempDir();
    const page = join(dir, 'crs.txt');
    writeFileSync(
      page,
      'What causes caudal regression syndrome?\nTL;DR: Mostly chance; diabetes raises the chance.\n',
    );
    const [o] = importPages([page], 'text', { out });
    expect(o?.status === 'written' && o.answerFile).toBe(join(out, 'sacral-agenesis', 'causes.md'));
  });
});

describe('input errors', () => {
  it('a missing path, an empty folder, and a folder given to `import text` are IO errors', () => {
    const dir = tempDir();
    expect(() => listPageFiles(join(dir, 'nope.html'), 'html')).toThrow(PageIoError);
    expect(() => listPageFiles(dir, 'html')).toThrow(/no \.html or \.htm files/);
    expect(() => listPageFiles(pagesDir, 'text')).toThrow(/is a folder/);
  });

  it('a file that is not UTF-8 is an IO error naming the file', () => {
    const dir = tempDir();
    const file = join(dir, 'latin1.txt');
    writeFileSync(file, Buffer.from([0x49, 0x73, 0x20, 0xe9, 0x3f, 0x0a]));
    expect(() => importPages([file], 'text', { out: join(dir, 'out') })).toThrow(PageIoError);
  });
});
