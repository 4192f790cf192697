import { describe, expect, it } from 'vitest';
import { erasedPersonText, namePattern, scrubJson, scrubText, searchTerms } from '../../electron/core/gdpr/erase-text';

const sanne = { fullNames: ['Sanne de Vries', 'Sane de Vries'], nameParts: ['Sanne', 'Sane', 'de Vries'], externalIds: ['P001'] };
const pattern = namePattern(sanne)!;

describe('replacing an erased person\'s name in free text', () => {
  it('finds full names in any case and with any separator, and external ids, as whole words', () => {
    expect(scrubText('Sanne de Vries, SANNE-DE-VRIES and sanne_de_vries.jpg; also Sane de Vries (P001).', pattern)).toEqual({
      value: `${erasedPersonText}, ${erasedPersonText} and ${erasedPersonText}.jpg; also ${erasedPersonText} (${erasedPersonText}).`,
      count: 5,
    });
  });

  it('leaves other people, first names alone, and names inside longer words', () => {
    for (const text of ['Daan de Vries', 'Sanne won', 'Susanne de Vriesland', 'P0012', 'XP001']) expect(scrubText(text, pattern)).toEqual({ value: text, count: 0 });
  });

  it('replaces string values anywhere in JSON, keeping keys, numbers and other names', () => {
    const embedded = { personsShown: ['Sanne de Vries', 'Daan de Vries'], regions: [{ name: 'sanne de vries', x: 0.3 }], creator: ['Jan'] };
    expect(scrubJson(embedded, pattern)).toEqual({
      value: { personsShown: [erasedPersonText, 'Daan de Vries'], regions: [{ name: erasedPersonText, x: 0.3 }], creator: ['Jan'] },
      count: 2,
    });
  });

  it('filters rows in SQL by the longest part of each name and the external ids, and needs something to look for', () => {
    expect(searchTerms(sanne)).toEqual(['Sanne', 'Vries', 'P001']);
    expect(namePattern({ fullNames: [' '], nameParts: [], externalIds: [] })).toBeNull();
  });
});
