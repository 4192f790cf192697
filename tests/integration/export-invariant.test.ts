import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { startExport } from '../../electron/core/export/export-service';
import { endExifTool } from '../../electron/core/export/exif-tool';
import { setDecisionPolicy } from '../../electron/core/export/policy';
import { addDays, todayIso } from '../../shared/domain/dates';
import { evaluateConsent, isConsentValid } from '../../shared/domain/consent';
import type { ConsentGiver, ConsentStatus, FaceBox, Person } from '../../shared/types';
import { addPerson, detail, exportLibrary, facesDir, importMedia, meanAbsDiff, regionGrey, twoPeopleFaces } from './export-kit';

/**
 * THE compliance invariant, end to end through the real export: for random people, consent histories,
 * face assignments, channels, marks and policies, every face of someone without valid consent (or of
 * nobody known) in every exported file differs from the original by at least the redaction threshold,
 * and no media that must be blocked produces a file. Fixtures: a 12-face collage and a two-person photo
 * of public-domain portraits (adults, not children).
 */

/** The collage's faces as ClearFrame's detector boxes them (minFacePx 40, score ≥ 0.95). */
const collageFaces: FaceBox[] = [
  { x: 0.0381, y: 0.082, w: 0.0869, h: 0.2215 },
  { x: 0.2008, y: 0.1046, w: 0.091, h: 0.2279 },
  { x: 0.3661, y: 0.1054, w: 0.0953, h: 0.2325 },
  { x: 0.5334, y: 0.0577, w: 0.1027, h: 0.2302 },
  { x: 0.7046, y: 0.0483, w: 0.0898, h: 0.206 },
  { x: 0.8695, y: 0.0689, w: 0.0927, h: 0.2202 },
  { x: 0.0375, y: 0.5885, w: 0.0873, h: 0.215 },
  { x: 0.201, y: 0.6055, w: 0.0891, h: 0.224 },
  { x: 0.3671, y: 0.6136, w: 0.0937, h: 0.2281 },
  { x: 0.535, y: 0.5612, w: 0.1001, h: 0.2206 },
  { x: 0.7058, y: 0.5441, w: 0.0887, h: 0.2039 },
  { x: 0.8689, y: 0.5604, w: 0.0948, h: 0.2334 },
];

/** A redacted face keeps at most this share of the original's fine detail and moves this far from it (grey levels). */
const maxDetailShare = 0.35;
const minMeanDiff = 8;
const runs = 200;

const t = exportLibrary('cf-export-invariant-');
const { lib, scratch } = t;
const today = todayIso();
const channels = ['website', 'newsletter', 'facebook', 'instagram', 'press'] as const;

interface Fixture {
  mediaId: number;
  source: string;
  faces: { id: number; box: FaceBox; original: Float64Array; originalDetail: number }[];
}
const fixtures: Fixture[] = [];

beforeAll(async () => {
  const sources = [join(facesDir, 'pd-collage-12.jpg'), join(facesDir, 'two_people.jpg')] as const;
  const ids = await importMedia(lib, [...sources]);
  for (const [i, boxes] of [collageFaces, twoPeopleFaces].entries()) {
    const faces = [];
    for (const box of boxes) {
      const id = lib.repos.faces.insert({ mediaId: ids[i]!, box, score: 0.99, source: 'detected', trackId: null, time: null, modelVersion: 'test', importedName: null });
      const original = await regionGrey(sources[i]!, box);
      faces.push({ id, box, original, originalDetail: detail(original) });
    }
    fixtures.push({ mediaId: ids[i]!, source: sources[i]!, faces });
  }
}, 120_000);
afterAll(async () => {
  await endExifTool(lib);
  t.cleanup();
});

const recordArb = fc.record({
  channel: fc.constantFrom(...channels),
  status: fc.constantFrom<ConsentStatus>('granted', 'granted', 'granted', 'refused', 'withdrawn'),
  givenBy: fc.constantFrom<ConsentGiver>('guardian', 'guardian', 'pupil', 'self'),
  givenOffset: fc.integer({ min: -500, max: 20 }),
  validDays: fc.option(fc.integer({ min: -30, max: 500 }), { nil: null }),
});
const personArb = fc.record({
  role: fc.constantFrom<Person['role']>('pupil', 'pupil', 'staff'),
  ageDays: fc.integer({ min: 10 * 365, max: 18 * 365 }),
  records: fc.array(recordArb, { maxLength: 5 }),
});
const faceArb = fc.oneof(
  { weight: 12, arbitrary: fc.record({ state: fc.constant('person' as const), who: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ state: fc.constant('unreviewed' as const), who: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ state: fc.constant('suggested' as const), who: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ state: fc.constantFrom('not_identifiable' as const, 'not_a_face' as const), who: fc.nat() }) },
);
const mediaArb = (faces: number) =>
  fc.record({
    include: fc.boolean(),
    faces: fc.array(faceArb, { minLength: faces, maxLength: faces }),
    detected: fc.constantFrom(true, true, true, true, true, true, true, true, true, false),
    mark: fc.constantFrom(...Array<null>(18).fill(null), 'confidential' as const, 'not_for_publication' as const),
  });
const scenarioArb = fc.record({
  people: fc.array(personArb, { minLength: 1, maxLength: 6 }),
  channel: fc.constantFrom(...channels),
  unresolvedFaces: fc.constantFrom<'block' | 'blur'>('block', 'blur', 'blur', 'blur'),
  suggestedFaces: fc.constantFrom<'block' | 'blur'>('block', 'blur', 'blur', 'blur'),
  style: fc.constantFrom<'blur' | 'pixelate'>('blur', 'pixelate'),
  media: fc.tuple(mediaArb(collageFaces.length), mediaArb(twoPeopleFaces.length)),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

let run = 0;

/** Stores the scenario in the library; returns who each face is and whether it may be shown, by the consent rules alone. */
function stage(s: Scenario) {
  const people = s.people.map((p) => {
    const person = addPerson(lib, { role: p.role, dateOfBirth: p.role === 'pupil' ? addDays(today, -p.ageDays) : null });
    const history = p.records.map((r) => {
      const givenOn = addDays(today, r.givenOffset);
      const validUntil = r.validDays === null || r.status !== 'granted' ? null : addDays(givenOn, r.validDays);
      return lib.repos.consent.append({ personId: person.id, channel: r.channel, status: r.status, givenBy: r.givenBy, givenOn, validUntil, evidence: null, note: null, source: 'manual', recordedBy: 'tester' });
    });
    return { person, mayBeShown: isConsentValid(evaluateConsent(person, history, s.channel, today)) };
  });
  setDecisionPolicy(lib, localAdmin, { unresolvedFaces: s.unresolvedFaces, suggestedFaces: s.suggestedFaces });
  return fixtures.map((fixture, m) => {
    const spec = s.media[m]!;
    lib.repos.faces.saveDetection({ mediaId: fixture.mediaId, modelVersion: 'test', settingsKey: 'test', detectedAt: today, facesFound: fixture.faces.length, error: spec.detected ? null : 'not yet' });
    lib.repos.marks.set({ mediaId: fixture.mediaId, confidential: spec.mark === 'confidential', notForPublication: spec.mark === 'not_for_publication' ? 'by test' : null, audioRights: 'unknown', thirdPartyPermission: null }, 'tester');
    const faces = fixture.faces.map((face, f) => {
      const a = spec.faces[f]!;
      const who = people[a.who % people.length]!;
      lib.repos.faces.review(face.id, { state: a.state, personId: a.state === 'person' ? who.person.id : null, suggestedPersonId: a.state === 'suggested' ? who.person.id : null, suggestionDistance: null }, 'tester');
      const ignored = a.state === 'not_identifiable' || a.state === 'not_a_face';
      const unresolved = a.state === 'unreviewed' || a.state === 'suggested';
      const blockedByPolicy = (a.state === 'unreviewed' && s.unresolvedFaces === 'block') || (a.state === 'suggested' && s.suggestedFaces === 'block');
      return { ...face, mustRedact: !ignored && (unresolved || !who.mayBeShown), blockedByPolicy };
    });
    const mustBlock = !spec.detected || spec.mark !== null || faces.some((f) => f.blockedByPolicy);
    return { fixture, include: spec.include, faces, mustBlock };
  });
}

describe('the compliance invariant', () => {
  it(`holds for every exported file in ${runs} random exports of real photos`, async () => {
    let written = 0;
    let redacted = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const staged = stage(s);
        const chosen = staged.filter((m) => m.include);
        if (chosen.length === 0) chosen.push(staged[0]!);
        const dir = join(scratch, `run-${++run}`);
        const report = await startExport(lib, localAdmin, {
          media: chosen.map((m) => String(m.fixture.mediaId)),
          all: false,
          channel: s.channel,
          identity: 'foundation',
          outDir: dir,
          style: s.style,
          removeAudio: false,
        }).done;
        expect(report.failed).toEqual([]);
        // Nothing that must be blocked produced a file, and the folder holds exactly the files reported.
        const exportedIds = report.exported.map((e) => e.mediaId);
        for (const m of chosen.filter((c) => c.mustBlock)) expect(exportedIds).not.toContain(m.fixture.mediaId);
        expect(exportedIds.length + report.blocked.length).toBe(chosen.length);
        expect(report.exported.map((e) => e.file.slice(dir.length + 1)).sort()).toEqual(report.exported.length ? readdirSync(dir).sort() : []);
        for (const e of report.exported) {
          written++;
          const m = chosen.find((c) => c.fixture.mediaId === e.mediaId)!;
          for (const face of m.faces.filter((f) => f.mustRedact)) {
            redacted++;
            const after = await regionGrey(e.file, face.box);
            const share = detail(after) / face.originalDetail;
            const diff = meanAbsDiff(face.original, after);
            if (share > maxDetailShare || diff < minMeanDiff) {
              throw new Error(`face ${face.id} in ${e.file} keeps ${(share * 100).toFixed(0)} % of its detail and differs by ${diff.toFixed(1)} grey levels`);
            }
          }
        }
      }),
      { numRuns: runs },
    );
    // The scenarios must reach both sides of the invariant, or the property says little.
    expect(written).toBeGreaterThan(runs / 4);
    expect(redacted).toBeGreaterThan(runs);
  }, 240_000);
});
