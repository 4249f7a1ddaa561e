/**
 * Four-eyes rule: the person who approves a revision never wrote any of its words. "Its words"
 * are every revision since the last approved one: the chain from the revision under review back
 * along base revisions until (not including) a revision that already had an approval.
 */
export interface ChainRevision {
  id: number;
  author: string;
  baseRevisionId: number | null;
  hash: string;
}

/** Authors of the revision and of its unapproved ancestors, newest first, without repeats. */
export function contributorsSinceApproval(
  revisionId: number,
  revisions: ReadonlyMap<number, ChainRevision>,
  approvedHashes: ReadonlySet<string>,
): string[] {
  const authors: string[] = [];
  const seen = new Set<number>();
  let current = revisions.get(revisionId);
  let first = true;
  while (current && !seen.has(current.id)) {
    // The revision under review counts even if an identical text was approved before.
    if (!first && approvedHashes.has(current.hash)) break;
    seen.add(current.id);
    if (!authors.includes(current.author)) authors.push(current.author);
    first = false;
    current = current.baseRevisionId === null ? undefined : revisions.get(current.baseRevisionId);
  }
  return authors;
}

export type FourEyesCheck = { ok: true } | { ok: false; message: string };

export function checkFourEyes(reviewer: string, contributors: readonly string[]): FourEyesCheck {
  if (!contributors.includes(reviewer)) return { ok: true };
  return {
    ok: false,
    message:
      `you wrote or edited this revision, so you cannot approve it (four-eyes rule); ` +
      `ask another reviewer. Contributors since the last approval: ${contributors.join(', ')}`,
  };
}
