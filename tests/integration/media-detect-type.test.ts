import { describe, expect, it } from 'vitest';
import { detectMediaType } from '../../electron/core/media/detect-type';
import { metadataDate } from '../../electron/core/media/metadata-values';
import { sortTime } from '../../electron/core/media/sort-time';

function ftyp(major: string, ...compatible: string[]): Buffer {
  const body = Buffer.from(`ftyp${major}\0\0\0\0${compatible.join('')}`, 'latin1');
  const size = Buffer.alloc(4);
  size.writeUInt32BE(body.length + 4);
  return Buffer.concat([size, body]);
}

const kindOf = (bytes: Buffer, name?: string) => {
  const t = detectMediaType(bytes, name);
  return 'unsupported' in t ? `unsupported: ${t.unsupported}` : t.ext;
};

describe('type detection by magic bytes', () => {
  it('recognises the ISO media family by brand', () => {
    expect(kindOf(ftyp('heic', 'mif1', 'heic'))).toBe('heic');
    expect(kindOf(ftyp('mif1', 'mif1', 'heic'))).toBe('heic');
    expect(kindOf(ftyp('mif1', 'mif1'))).toBe('heif');
    expect(kindOf(ftyp('avif', 'mif1', 'avif'))).toBe('unsupported: an AVIF image');
    expect(kindOf(ftyp('qt  '))).toBe('mov');
    expect(kindOf(ftyp('M4V ', 'isom'))).toBe('m4v');
    expect(kindOf(ftyp('isom', 'iso2', 'avc1', 'mp41'))).toBe('mp4');
    expect(kindOf(ftyp('3gp4'))).toBe('mp4');
    expect(kindOf(ftyp('M4A '))).toBe('unsupported: an audio file');
  });

  it('tells WebM from other Matroska files and TIFF from camera raw', () => {
    const ebml = (docType: string) => Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84]), Buffer.from(docType)]);
    expect(kindOf(ebml('webm'))).toBe('webm');
    expect(kindOf(ebml('matroska'))).toMatch(/^unsupported: a Matroska/);
    const tiff = Buffer.from('II*\0\x08\0\0\0\0\0\0\0', 'latin1');
    expect(kindOf(tiff, 'scan.tif')).toBe('tiff');
    expect(kindOf(tiff, 'DSC_0001.NEF')).toMatch(/^unsupported: a camera raw file/);
    expect(kindOf(Buffer.from('II*\0\x10\0\0\0CR\x02\0', 'latin1'), 'x.tif')).toBe('unsupported: a Canon raw file');
  });

  it('ignores the extension otherwise', () => {
    expect(kindOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'holiday.png')).toBe('jpg');
    expect(kindOf(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'), 'a.jpg')).toBe('webp');
    expect(kindOf(Buffer.from('hello, world\n'), 'a.jpg')).toBe('unsupported: a text file');
    expect(kindOf(Buffer.from([0, 1, 2, 3, 4, 5]), 'a.jpg')).toBe('unsupported: an unknown file type');
  });
});

describe('capture dates', () => {
  it('normalises EXIF and XMP dates and refuses placeholders', () => {
    expect(metadataDate('2024:05:17 10:30:00', '+02:00')).toBe('2024-05-17T10:30:00+02:00');
    expect(metadataDate('2024:05:17 10:30:00')).toBe('2024-05-17T10:30:00');
    expect(metadataDate('2024-03-22T00:23:02+00:00')).toBe('2024-03-22T00:23:02+00:00');
    expect(metadataDate('2024-03-22T00:23:02.123Z')).toBe('2024-03-22T00:23:02Z');
    expect(metadataDate('0000:00:00 00:00:00')).toBeUndefined();
    expect(metadataDate('    :  :     :  :  ')).toBeUndefined();
  });

  it('sorts by the wall clock the photo was taken at, falling back to the import time', () => {
    expect(sortTime('2024-05-17T10:30:00+02:00', '2025-01-01T00:00:00.000Z')).toBe('2024-05-17T10:30:00');
    expect(sortTime(null, '2025-01-01T00:00:00.000Z')).toMatch(/^202[45]-\d\d-\d\dT\d\d:00:00$/);
  });
});
