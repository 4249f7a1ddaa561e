import { describe, expect, it } from 'vitest';
import { medicalWords, PackedWordList } from '../../src/search/medical-words.js';

describe('the packed word list', () => {
  it('answers membership exactly, at both ends and in between', () => {
    const list = new PackedWordList(['zygote', 'aorta', 'femur', 'aorta', 'biopsy']);
    expect(list.size).toBe(4);
    for (const w of ['aorta', 'biopsy', 'femur', 'zygote']) expect(list.has(w)).toBe(true);
    for (const w of ['', 'a', 'aort', 'aortas', 'femurs', 'zz', 'b']) expect(list.has(w)).toBe(false);
    expect(new PackedWordList([]).has('aorta')).toBe(false);
  });

  it('holds the installed medical dictionary', () => {
    const med = medicalWords();
    expect(med.has('lymphoblastic')).toBe(true);
    expect(med.has('cholecystectomy')).toBe(true);
    expect(med.has('kitchen')).toBe(false);
  });
});
