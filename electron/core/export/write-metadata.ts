import type { ExifTool, WriteTags } from 'exiftool-vendored';
import { ClearFrameError } from '../../../shared/result';
import type { Attribution } from './attribution';

/**
 * The attribution tags, by exiftool group, so each lands exactly where the issue names it (a bare
 * "Credit" would go to IPTC, not to XMP photoshop:Credit). Unknown values are left out, never blank.
 */
export function attributionTags(a: Attribution): Record<string, unknown> {
  const tags: Record<string, unknown> = {
    'XMP-xmpRights:UsageTerms': a.usageTerms,
    'XMP-xmpMM:DocumentID': a.documentId,
  };
  if (a.creator) tags['XMP-dc:Creator'] = [a.creator];
  if (a.rights) {
    tags['XMP-dc:Rights'] = a.rights;
    tags['IPTC:CopyrightNotice'] = a.rights;
  }
  if (a.credit) tags['XMP-photoshop:Credit'] = a.credit;
  if (a.webStatement) tags['XMP-xmpRights:WebStatement'] = a.webStatement;
  if (a.licensor) tags['XMP-plus:Licensor'] = [{ LicensorName: a.licensor }];
  return tags;
}

/**
 * Writes the attribution into a JPEG that carries no other metadata (the redacted output). Nothing is
 * copied from the original: what is not written here cannot leak. IPTC is written as UTF-8 so names
 * with accents and "©" survive.
 */
export async function writeAttribution(exiftool: ExifTool, file: string, attribution: Attribution): Promise<void> {
  try {
    await exiftool.write(file, attributionTags(attribution) as WriteTags, {
      writeArgs: ['-overwrite_original', '-codedcharacterset=utf8', '-charset', 'iptc=utf8'],
    });
  } catch (err) {
    throw new ClearFrameError('io_error', `Could not write the attribution into ${file} (${(err as Error).message.trim()}).`);
  }
}
