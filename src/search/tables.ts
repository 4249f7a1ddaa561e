/**
 * Compact tables for the search engine's lookup structures, so a snapshot restores them as views
 * over its bytes instead of re-creating hundreds of thousands of strings, arrays and map entries
 * (which is what made restoring slow and garbage-heavy).
 *
 * - StringTable: many strings as one string plus offsets; a string exists only once it is read.
 * - StringIndex: an open-addressing hash over a StringTable (string → row), compared in place.
 * - Postings: for each row, a list of numbers (one offsets array and one values array).
 */

/** Many strings as one (its characters in `text`, row i is text[offsets[i]..offsets[i+1]]). */
export class StringTable {
  constructor(
    readonly text: string,
    readonly offsets: Uint32Array,
  ) {}

  static from(list: readonly string[]): StringTable {
    const offsets = new Uint32Array(list.length + 1);
    for (let i = 0; i < list.length; i++) offsets[i + 1] = offsets[i]! + list[i]!.length;
    return new StringTable(list.join(''), offsets);
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  get(i: number): string {
    return this.text.slice(this.offsets[i]!, this.offsets[i + 1]!);
  }

  /** Whether row i is exactly `s`, without making the row's string. */
  equals(i: number, s: string): boolean {
    const start = this.offsets[i]!;
    if (this.offsets[i + 1]! - start !== s.length) return false;
    for (let k = 0; k < s.length; k++) if (this.text.charCodeAt(start + k) !== s.charCodeAt(k)) return false;
    return true;
  }

  toArray(): string[] {
    return Array.from({ length: this.size }, (_, i) => this.get(i));
  }
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Exact string → row look-up over a StringTable (slots hold row + 1; 0 is empty). */
export class StringIndex {
  private readonly mask: number;

  constructor(
    readonly table: StringTable,
    readonly slots: Uint32Array = StringIndex.slotsFor(table),
  ) {
    if (slots.length === 0 || (slots.length & (slots.length - 1)) !== 0) {
      throw new Error('StringIndex: slot count must be a power of two');
    }
    this.mask = slots.length - 1;
  }

  static slotsFor(table: StringTable): Uint32Array {
    let n = 2;
    while (n < table.size * 2) n *= 2;
    const slots = new Uint32Array(n);
    for (let row = 0; row < table.size; row++) {
      let s = hash(table.get(row)) & (n - 1);
      while (slots[s] !== 0) s = (s + 1) & (n - 1);
      slots[s] = row + 1;
    }
    return slots;
  }

  /** The row holding `s`, or -1. */
  find(s: string): number {
    let slot = hash(s) & this.mask;
    for (;;) {
      const v = this.slots[slot]!;
      if (v === 0) return -1;
      if (this.table.equals(v - 1, s)) return v - 1;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** For each row, a list of numbers: values[offsets[i]..offsets[i+1]]. */
export class Postings {
  constructor(
    readonly offsets: Uint32Array,
    readonly values: Uint32Array,
  ) {}

  static from(lists: readonly (readonly number[] | ReadonlySet<number>)[]): Postings {
    const offsets = new Uint32Array(lists.length + 1);
    const flat: number[] = [];
    lists.forEach((l, i) => {
      for (const v of l) flat.push(v);
      offsets[i + 1] = flat.length;
    });
    return new Postings(offsets, Uint32Array.from(flat));
  }

  start(row: number): number {
    return this.offsets[row]!;
  }

  end(row: number): number {
    return this.offsets[row + 1]!;
  }

  has(row: number, value: number): boolean {
    for (let k = this.offsets[row]!; k < this.offsets[row + 1]!; k++)
      if (this.values[k] === value) return true;
    return false;
  }
}

/** Typed arrays a table is stored as in a snapshot (see snapshot.ts). */
export type TableArrays = Record<
  string,
  Uint8Array | Uint32Array | Uint16Array | Float32Array | Float64Array
>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A StringTable as snapshot arrays under `name.text` (UTF-8) and `name.offsets` (UTF-16 units). */
export function stringTableArrays(name: string, t: StringTable): TableArrays {
  return { [`${name}.text`]: encoder.encode(t.text), [`${name}.offsets`]: t.offsets };
}

export function stringTableFrom(name: string, arrays: TableArrays): StringTable {
  const text = arrays[`${name}.text`];
  const offsets = arrays[`${name}.offsets`];
  if (!(text instanceof Uint8Array) || !(offsets instanceof Uint32Array)) {
    throw new Error(`search snapshot lacks the ${name} table`);
  }
  const s = decoder.decode(text);
  if (s.length !== offsets[offsets.length - 1]) throw new Error(`search snapshot: damaged ${name} table`);
  return new StringTable(s, offsets);
}

export function postingsArrays(name: string, p: Postings): TableArrays {
  return { [`${name}.offsets`]: p.offsets, [`${name}.values`]: p.values };
}

export function postingsFrom(name: string, arrays: TableArrays): Postings {
  return new Postings(u32(arrays, `${name}.offsets`), u32(arrays, `${name}.values`));
}

export function u32(arrays: TableArrays, name: string): Uint32Array {
  const a = arrays[name];
  if (!(a instanceof Uint32Array)) throw new Error(`search snapshot lacks ${name}`);
  return a;
}

export function u16(arrays: TableArrays, name: string): Uint16Array {
  const a = arrays[name];
  if (!(a instanceof Uint16Array)) throw new Error(`search snapshot lacks ${name}`);
  return a;
}

export function f64(arrays: TableArrays, name: string): Float64Array {
  const a = arrays[name];
  if (!(a instanceof Float64Array)) throw new Error(`search snapshot lacks ${name}`);
  return a;
}

export function u8(arrays: TableArrays, name: string): Uint8Array {
  const a = arrays[name];
  if (!(a instanceof Uint8Array)) throw new Error(`search snapshot lacks ${name}`);
  return a;
}
