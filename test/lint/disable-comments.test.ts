import { describe, expect, it } from 'vitest';
import { DisableDirectives } from '../../src/lint/disable-comments.js';

describe('disable comments', () => {
  it('disable-next-line silences the named rules on the next non-blank line only', () => {
    const d = new DisableDirectives('<!-- medbrief-disable-next-line a, b -->\n\n\nline four\nline five\n');
    expect(d.isDisabled('a', 4)).toBe(true);
    expect(d.isDisabled('b', 4)).toBe(true);
    expect(d.isDisabled('c', 4)).toBe(false);
    expect(d.isDisabled('a', 5)).toBe(false);
  });
  it('disable … enable silences a region; an unclosed disable runs to the end', () => {
    const d = new DisableDirectives(
      'one\n<!-- medbrief-disable a -->\nthree\n<!-- medbrief-enable a -->\nfive\n<!-- medbrief-disable -->\nseven\n',
    );
    expect(d.isDisabled('a', 1)).toBe(false);
    expect(d.isDisabled('a', 3)).toBe(true);
    expect(d.isDisabled('b', 3)).toBe(false);
    expect(d.isDisabled('a', 5)).toBe(false);
    expect(d.isDisabled('b', 7)).toBe(true);
    expect(d.isDisabled('z', 10_000)).toBe(true);
  });
  it('many comments still answer per line (regions are merged)', () => {
    const text = '<!-- medbrief-disable-next-line x -->\ntext\n'.repeat(5000);
    const d = new DisableDirectives(text);
    expect(d.isDisabled('x', 2)).toBe(true);
    expect(d.isDisabled('x', 9998)).toBe(true);
    expect(d.isDisabled('x', 9999)).toBe(false);
  });
});
