import { describe, expect, it } from 'vitest';
import { assignWithinPhoto, bestMatch } from '../../electron/core/faces/descriptor-match';
import { importedFaces, matchImported } from '../../electron/core/faces/imported-regions';
import { linkTracks, type FrameDetections } from '../../electron/core/faces/track-linker';
import { uprightBox } from '../../electron/core/faces/upright-box';

describe('upright boxes from stored-pixel boxes', () => {
  // A 4 x 2 stored image with one marked pixel at column 3, row 0; where is it once shown upright?
  const pixel = { x: 3 / 4, y: 0, w: 1 / 4, h: 1 / 2 };
  const shown: Record<number, { x: number; y: number; w: number; h: number }> = {
    1: { x: 3 / 4, y: 0, w: 1 / 4, h: 1 / 2 },
    2: { x: 0, y: 0, w: 1 / 4, h: 1 / 2 }, // mirrored left-right
    3: { x: 0, y: 1 / 2, w: 1 / 4, h: 1 / 2 }, // turned half round
    4: { x: 3 / 4, y: 1 / 2, w: 1 / 4, h: 1 / 2 }, // mirrored top-bottom
    5: { x: 0, y: 3 / 4, w: 1 / 2, h: 1 / 4 }, // transposed: column 3 becomes row 3 of a 2 x 4 picture
    6: { x: 1 / 2, y: 3 / 4, w: 1 / 2, h: 1 / 4 }, // turned right: row 0 becomes the right column
    7: { x: 1 / 2, y: 0, w: 1 / 2, h: 1 / 4 },
    8: { x: 0, y: 0, w: 1 / 2, h: 1 / 4 }, // turned left: column 3 becomes the top row
  };
  for (const [orientation, want] of Object.entries(shown)) {
    it(`orientation ${orientation}`, () => {
      const got = uprightBox(pixel, Number(orientation));
      for (const k of ['x', 'y', 'w', 'h'] as const) expect(got[k]).toBeCloseTo(want[k]);
    });
  }
});

describe('imported regions', () => {
  const region = (over: object) => ({ source: 'mwg', shape: 'rectangle', x: 0.1, y: 0.1, w: 0.2, h: 0.3, type: 'Face', name: 'Ann', person: null, ...over });

  it('takes MWG face regions and IPTC regions naming a person, nothing else', () => {
    const embedded = {
      regions: [
        region({}),
        region({ type: 'Pet', name: 'Rex' }),
        region({ type: 'Focus', name: null }),
        region({ source: 'iptc', type: null, name: 'Region 1', person: 'Bob' }),
        region({ source: 'iptc', type: null, name: 'A logo', person: null }),
      ],
    };
    expect(importedFaces(embedded, 1).map((f) => f.name)).toEqual(['Ann', 'Bob']);
    expect(importedFaces({}, 1)).toEqual([]);
  });

  it('merges a region into the detected face it overlaps by IoU ≥ 0.5, each face at most once', () => {
    const detected = [
      { x: 0.1, y: 0.1, w: 0.2, h: 0.3 },
      { x: 0.6, y: 0.1, w: 0.2, h: 0.3 },
    ];
    const imported = [
      { box: { x: 0.12, y: 0.1, w: 0.2, h: 0.3 }, name: 'Ann' }, // IoU 0.82 with the first
      { box: { x: 0.1, y: 0.12, w: 0.2, h: 0.3 }, name: 'Ann again' }, // the first is taken
      { box: { x: 0.68, y: 0.1, w: 0.2, h: 0.3 }, name: 'Bob' }, // IoU 0.43: not the same face
    ];
    const { merged, alone } = matchImported(detected, imported);
    expect([...merged.entries()].map(([i, r]) => [i, r.name])).toEqual([[0, 'Ann']]);
    expect(alone.map((r) => r.name)).toEqual(['Ann again', 'Bob']);
  });
});

const face = (x: number, y: number, h = 100, score = 0.9) => ({ x, y, w: h * 0.75, h, score });

describe('linking video faces into tracks', () => {
  it('follows a face moving across the frame as one track', () => {
    const frames: FrameDetections[] = Array.from({ length: 12 }, (_, i) => ({ time: i * 0.5, cut: false, faces: [face(100 + i * 60, 300)] }));
    const tracks = linkTracks(frames);
    expect(tracks).toHaveLength(1);
    expect(tracks[0]!.map((s) => s.time)).toEqual(frames.map((f) => f.time));
  });

  it('keeps two people apart, even when one is missed in a frame', () => {
    const frames: FrameDetections[] = Array.from({ length: 8 }, (_, i) => ({
      time: i * 0.5,
      cut: false,
      faces: i === 3 ? [face(800 - i * 20, 300)] : [face(100 + i * 20, 300), face(800 - i * 20, 300)],
    }));
    const tracks = linkTracks(frames);
    expect(tracks.map((t) => t.length)).toEqual([7, 8]);
    for (const t of tracks) expect(new Set(t.map((s) => s.box.x < 450)).size).toBe(1);
  });

  it('starts new tracks after a scene cut and after a long absence', () => {
    const at = (time: number, cut = false) => ({ time, cut, faces: [face(400, 300)] });
    expect(linkTracks([at(0), at(0.5), at(1, true), at(1.5)]).map((t) => t.length)).toEqual([2, 2]);
    expect(linkTracks([at(0), at(0.5), at(3), at(3.5)]).map((t) => t.length)).toEqual([2, 2]);
  });

  it('does not join a face to a much larger or far away one', () => {
    const frames: FrameDetections[] = [
      { time: 0, cut: false, faces: [face(100, 100, 100)] },
      { time: 0.5, cut: false, faces: [face(110, 100, 300)] },
      { time: 1, cut: false, faces: [face(1200, 600, 300)] },
    ];
    expect(linkTracks(frames)).toHaveLength(3);
  });
});

describe('suggestions from descriptors', () => {
  const refs = [
    { personId: 1, embedding: [0, 0] },
    { personId: 1, embedding: [0.1, 0] },
    { personId: 2, embedding: [1, 0] },
  ];

  it('suggests the person of the nearest reference within the threshold', () => {
    expect(bestMatch([0.2, 0], refs, 0.6)).toEqual({ personId: 1, distance: expect.closeTo(0.1, 5) });
    expect(bestMatch([0.5, 0.5], refs, 0.6)).toBeNull();
  });

  it('suggests a person for one face of a photo only, the closest', () => {
    const matches = assignWithinPhoto([[0.3, 0], [0.05, 0], [0.9, 0], null], refs, 0.6);
    expect(matches.map((m) => m?.personId ?? null)).toEqual([null, 1, 2, null]);
  });
});
