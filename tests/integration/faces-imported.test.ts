import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iou, type Rect } from '../../electron/core/faces/box-geometry';
import { startFaceDetection } from '../../electron/core/faces/detection-service';
import { faceLibrary, facesLeftToRight, fixture, importFiles, reviewer } from './faces-kit';

/**
 * Face regions another program wrote into a file (MWG) become faces; one that overlaps a detected
 * face is merged into it. The file is two_people.jpg (public domain, adults) stored turned a quarter
 * to the left with EXIF orientation 6, so regions written against the stored pixels must be turned
 * upright to meet the detector's boxes.
 */
const t = faceLibrary();
const { lib } = t;
let mediaId = 0;

// Upright boxes (fractions of the 1126 x 661 picture as shown): the left face, and an empty wall area.
const leftFace: Rect = { x: 235 / 1126, y: 22 / 661, w: 143 / 1126, h: 193 / 661 };
const wall: Rect = { x: 0.45, y: 0.55, w: 0.08, h: 0.14 };

/** Where an upright box lies in the stored pixels of an orientation-6 file (the inverse of turning them right). */
const storedBox = (b: Rect): Rect => ({ x: b.y, y: 1 - b.x - b.w, w: b.h, h: b.w });

function mwg(regions: { name: string; box: Rect }[]): string {
  const items = regions
    .map(({ name, box: b }) => {
      const s = storedBox(b);
      return `<rdf:li><rdf:Description mwg-rs:Name="${name}" mwg-rs:Type="Face"><mwg-rs:Area stArea:x="${s.x + s.w / 2}" stArea:y="${s.y + s.h / 2}" stArea:w="${s.w}" stArea:h="${s.h}" stArea:unit="normalized"/></rdf:Description></rdf:li>`;
    })
    .join('');
  return `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/" xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#">
<mwg-rs:Regions rdf:parseType="Resource"><mwg-rs:RegionList><rdf:Bag>${items}</rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

beforeAll(async () => {
  const file = join(t.scratch, 'two-people-turned.jpg');
  await sharp(fixture('two_people.jpg'))
    .rotate(-90)
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withXmp(mwg([{ name: 'Left Person', box: leftFace }, { name: 'Nobody', box: wall }]))
    .toFile(file);
  mediaId = (await importFiles(lib, [file]))[0]!;
  await startFaceDetection(lib, reviewer, { all: true, force: false }).done;
}, 60_000);
afterAll(() => t.cleanup());

describe('imported face regions', () => {
  it('merges a region into the detected face it overlaps and keeps the other as an imported face', () => {
    const faces = facesLeftToRight(lib, mediaId);
    expect(faces.map((f) => [f.source, f.importedName])).toEqual(
      expect.arrayContaining([
        ['detected', 'Left Person'],
        ['detected', null],
        ['imported', 'Nobody'],
      ]),
    );
    expect(faces).toHaveLength(3);
  });

  it('turns stored-pixel regions upright with the EXIF orientation', () => {
    const faces = lib.repos.faces.ofMedia(mediaId);
    const imported = faces.find((f) => f.source === 'imported')!;
    expect(iou(imported.box, wall)).toBeGreaterThan(0.99);
    const merged = faces.find((f) => f.importedName === 'Left Person')!;
    expect(iou(merged.box, leftFace)).toBeGreaterThan(0.5);
    expect(merged.score).toBeGreaterThan(0.9);
  });
});
