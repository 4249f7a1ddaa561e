/** Writes small content folders for tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function tempDir(prefix = 'medbrief-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export function answerFile(
  condition: string,
  aspect: string,
  extra: { body?: string; review?: string } = {},
): string {
  return `---
question: What about ${aspect} of ${condition}?
condition: ${condition}
aspect: ${aspect}
tldr: A short answer about ${aspect}.
sources:
  - id: src
    title: A source
    url: https://example.org/${condition}/${aspect}
    accessed: 2026-03-30
${extra.review ?? ''}---
${extra.body ?? `About ${aspect} [^src].`}
`;
}

export const REVIEWERS = `- id: demo-reviewer
  name: Demo Reviewer (demo account)
  credentials: MD (demo)
  demo: true
`;

/** A valid folder of `conditions` × `aspects` answers. */
export function contentFolder(conditions: string[], aspects: string[]): Record<string, string> {
  const files: Record<string, string> = { 'reviewers.yaml': REVIEWERS };
  for (const c of conditions) {
    files[`${c}/condition.md`] =
      `---\nname: ${c.replace(/-/g, ' ')}\nsynonyms:\n  - ${c} syndrome\n---\nAbout ${c}.\n`;
    for (const a of aspects) files[`${c}/${a}.md`] = answerFile(c, a);
  }
  return files;
}
