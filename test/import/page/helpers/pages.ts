/** Fixture paths and small inline pages for the page importer's tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

export const fixtures = join(import.meta.dirname, '..', 'fixtures');
export const inheritanceHtml = join(fixtures, 'achondroplasia-inheritance.html');
export const pagesDir = join(fixtures, 'pages');

/** A page saved as text with a header and a question, but no TL;DR. */
export const PAGE_WITHOUT_TLDR = [
  'Short answer · Last updated: 3 February 2025',
  'How is gout treated?',
  'Gout attacks are treated with anti-inflammatory medicines, colchicine or steroids. Treatment works best when it starts within a day of the first symptoms.',
  'Long-term treatment lowers uric acid so that attacks stop. Allopurinol is the usual first choice.',
  'Medical disclaimer: this information is not a substitute for professional medical advice.',
  '',
].join('\n');

/** A page with a title, a TL;DR and a body, but no question anywhere. */
export const PAGE_WITHOUT_QUESTION = [
  'Gout',
  'TL;DR: Gout is a kind of arthritis caused by uric acid crystals in a joint.',
  'It often starts in the big toe. Attacks come on quickly, usually at night.',
  '',
].join('\n');

/** A fresh temporary folder, removed when the calling test finishes. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'medbrief-page-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
