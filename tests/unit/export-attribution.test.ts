import { describe, expect, it } from 'vitest';
import { attributionFor } from '../../electron/core/export/attribution';
import { fileStem } from '../../electron/core/export/export-files';
import { channelPreset } from '../../electron/core/export/presets';
import { attributionTags } from '../../electron/core/export/write-metadata';

const ctx = { identityName: 'De Eik', channelName: 'Website', publicationId: 12, fileIndex: 3, year: 2026 };
const media = { creator: 'Anna Fotograaf', rightsHolder: null, license: 'school_owned' as const, credit: null, capturedAt: '2025-06-12T10:00:00Z' };

describe('attribution', () => {
  it('credits the creator and gives the school the rights to its own photos, dated by the capture year', () => {
    expect(attributionFor(media, ctx)).toEqual({
      creator: 'Anna Fotograaf',
      rights: '© 2025 De Eik',
      credit: 'Anna Fotograaf',
      usageTerms: 'Published by De Eik on Website. No reuse without permission of De Eik.',
      webStatement: null,
      licensor: 'De Eik',
      documentId: 'urn:clearframe:export:12:3',
    });
  });

  it("names a third party's rights and leaves out what is not known", () => {
    const a = attributionFor({ ...media, creator: null, license: 'third_party', rightsHolder: 'Persbureau X', capturedAt: null }, ctx);
    expect(a).toMatchObject({ creator: null, rights: '© 2026 Persbureau X', credit: null, licensor: 'Persbureau X' });
    const tags = attributionTags(a);
    expect(Object.keys(tags).sort()).toEqual(['IPTC:CopyrightNotice', 'XMP-dc:Rights', 'XMP-plus:Licensor', 'XMP-xmpMM:DocumentID', 'XMP-xmpRights:UsageTerms']);
  });

  it('states a Creative Commons licence with its deed', () => {
    expect(attributionFor({ ...media, license: 'cc_by_sa', rightsHolder: 'Anna Fotograaf' }, ctx)).toMatchObject({
      usageTerms: 'Licensed under CC BY-SA 4.0; credit Anna Fotograaf.',
      webStatement: 'https://creativecommons.org/licenses/by-sa/4.0/',
    });
  });
});

describe('file names and presets', () => {
  it('names files by identity, channel and date: never by a person or the original file', () => {
    expect(fileStem('eik', 'facebook', '2026-03-01')).toBe('eik-facebook-2026-03-01');
  });

  it('has a preset for every built-in channel and falls back on the kind for an added one', () => {
    expect(channelPreset({ key: 'instagram', kind: 'social' }).photoMaxEdge).toBe(1440);
    expect(channelPreset({ key: 'mastodon', kind: 'social' })).toEqual(channelPreset({ key: 'facebook', kind: 'social' }));
  });
});
