import type { License, Media } from '../../../shared/types';

/** Who made the media, who holds its rights and on what terms it is published; written into every exported file. */
export interface Attribution {
  creator: string | null;
  /** The copyright statement: XMP dc:rights and IPTC CopyrightNotice. */
  rights: string | null;
  credit: string | null;
  usageTerms: string;
  /** A page that states the licence; known for Creative Commons licences. */
  webStatement: string | null;
  licensor: string | null;
  /** Links the file to its publication record: urn:clearframe:export:<publication id>:<file index>. */
  documentId: string;
}

const creativeCommons: Partial<Record<License, { name: string; url: string }>> = {
  cc0: { name: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  cc_by: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  cc_by_sa: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  cc_by_nc: { name: 'CC BY-NC 4.0', url: 'https://creativecommons.org/licenses/by-nc/4.0/' },
  cc_by_nc_sa: { name: 'CC BY-NC-SA 4.0', url: 'https://creativecommons.org/licenses/by-nc-sa/4.0/' },
  cc_by_nd: { name: 'CC BY-ND 4.0', url: 'https://creativecommons.org/licenses/by-nd/4.0/' },
};

export function documentId(publicationId: number, fileIndex: number): string {
  return `urn:clearframe:export:${publicationId}:${fileIndex}`;
}

export interface AttributionContext {
  identityName: string;
  channelName: string;
  publicationId: number;
  fileIndex: number;
  /** The year for the copyright line when the capture date is unknown. */
  year: number;
}

/**
 * The attribution of one exported file. The school's own media are held by the publishing identity
 * unless a rights holder was recorded; someone else's work names its holder (rule 6).
 */
export function attributionFor(media: Pick<Media, 'creator' | 'rightsHolder' | 'license' | 'credit' | 'capturedAt'>, ctx: AttributionContext): Attribution {
  const holder = media.rightsHolder ?? (media.license === 'school_owned' ? ctx.identityName : null);
  const year = media.capturedAt ? Number(media.capturedAt.slice(0, 4)) : ctx.year;
  const cc = creativeCommons[media.license];
  const usageTerms = cc
    ? `Licensed under ${cc.name}${media.license === 'cc0' ? '' : `; credit ${media.credit ?? media.creator ?? holder ?? 'the creator'}`}.`
    : `Published by ${ctx.identityName} on ${ctx.channelName}. No reuse without permission of ${holder ?? ctx.identityName}.`;
  return {
    creator: media.creator,
    rights: holder ? `© ${year} ${holder}` : null,
    credit: media.credit ?? media.creator,
    usageTerms,
    webStatement: cc?.url ?? null,
    licensor: holder,
    documentId: documentId(ctx.publicationId, ctx.fileIndex),
  };
}
