/**
 * A small container for a JSON header plus typed arrays: "MBSS" magic, u32 header length, the
 * UTF-8 header (with each array's type, offset and length), then the arrays, 8-byte aligned.
 * Restoring copies nothing: arrays are views into the bytes read.
 */
type Typed = Uint32Array | Uint16Array | Uint8Array | Float32Array | Float64Array;
const CTORS = {
  u32: Uint32Array,
  u16: Uint16Array,
  u8: Uint8Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;
type Kind = keyof typeof CTORS;
const MAGIC = 0x5353424d; // "MBSS" little-endian

function kindOf(a: Typed): Kind {
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Float64Array) return 'f64';
  return 'f32';
}

export function packSnapshot(header: Record<string, unknown>, arrays: Record<string, Typed>): Buffer {
  const layout: Record<string, { kind: Kind; offset: number; length: number }> = {};
  let offset = 0;
  for (const [name, a] of Object.entries(arrays)) {
    layout[name] = { kind: kindOf(a), offset, length: a.length };
    offset += Math.ceil(a.byteLength / 8) * 8;
  }
  const head = Buffer.from(JSON.stringify({ ...header, __arrays: layout }), 'utf8');
  const start = Math.ceil((8 + head.length) / 8) * 8;
  const out = Buffer.alloc(start + offset);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(head.length, 4);
  head.copy(out, 8);
  for (const [name, a] of Object.entries(arrays)) {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, start + layout[name]!.offset);
  }
  return out;
}

export function unpackSnapshot(bytes: Uint8Array): {
  header: Record<string, unknown>;
  arrays: Record<string, Typed>;
} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('not a search snapshot');
  const len = view.getUint32(4, true);
  if (8 + len > bytes.byteLength) throw new Error('search snapshot is truncated');
  const header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 8, len).toString('utf8')) as Record<
    string,
    unknown
  > & { __arrays?: Record<string, { kind: Kind; offset: number; length: number }> };
  const start = Math.ceil((8 + len) / 8) * 8;
  // typed-array views need an aligned base: copy once if the bytes are not 8-aligned
  let base = bytes;
  if ((bytes.byteOffset + start) % 8 !== 0) base = new Uint8Array(bytes);
  const arrays: Record<string, Typed> = {};
  for (const [name, l] of Object.entries(header.__arrays ?? {})) {
    const C = CTORS[l.kind];
    const at = base.byteOffset + start + l.offset;
    if (at + l.length * C.BYTES_PER_ELEMENT > base.byteOffset + base.byteLength) {
      throw new Error('search snapshot is truncated');
    }
    arrays[name] = new C(base.buffer as ArrayBuffer, at, l.length);
  }
  delete header.__arrays;
  return { header, arrays };
}
