import { describe, expect, it } from 'vitest';
import { stem } from '../../src/knowledge/text.js';

describe('stemming Dutch words', () => {
  it.each([
    ['werkloze', 'werkloos'],
    ['actieve', 'actief'],
    ['subsidies', 'subsidie'],
  ])('brings "%s" and "%s" together despite the spelling change', (inflected, base) => {
    expect(stem(inflected, 'nl')).toBe(stem(base, 'nl'));
  });
});
