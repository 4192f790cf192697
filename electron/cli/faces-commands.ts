import { resolve } from 'node:path';
import type { FaceAssignment, FaceInfo, FaceReferenceInfo } from '../../shared/contract/faces';
import { faceStates, type FaceState, type Person } from '../../shared/types';
import { flag, list, oneOf, text } from './arguments';
import { exitCodes, usageError } from './cli-error';
import type { CliCommand, CommandOutcome } from './command';
import { personRefJson } from './json-shapes';
import { count, table } from './output';
import { followJob } from './follow-job';
import type { Session } from './session';

const faceShape =
  '{id, media, media_name, box: {x, y, w, h} (fractions 0..1 of the upright image), score, state, person: {id, external_id, name}|null,\n' +
  '  track, time, source: "detected"|"manual"|"imported", suggestion: {person, distance}|null}';
const states = `state: ${faceStates.join('|')}`;

/** The core pages at most this many faces per request. */
const pageSize = 5000;

/** Names the people faces point at, asking the core once per person. */
function peopleCache(session: Session) {
  const known = new Map<number, Person>();
  return async (id: number | null) => {
    if (id === null) return null;
    if (!known.has(id)) known.set(id, await session.call('people.get', { person: String(id) }));
    return personRefJson(known.get(id)!);
  };
}

async function facesJson(session: Session, faces: FaceInfo[]) {
  const person = peopleCache(session);
  const out = [];
  for (const f of faces) {
    out.push({
      id: f.id,
      media: f.mediaId,
      media_name: f.mediaName,
      box: f.box,
      score: f.score,
      state: f.state,
      person: await person(f.personId),
      track: f.trackId,
      time: f.time,
      source: f.source,
      suggestion: f.suggestedPersonId === null ? null : { person: await person(f.suggestedPersonId), distance: f.suggestionDistance },
    });
  }
  return out;
}

type FaceJson = Awaited<ReturnType<typeof facesJson>>[number];

function facesTable(faces: FaceJson[]): string {
  if (faces.length === 0) return 'No faces.';
  return (
    table(
      ['FACE', 'MEDIA', 'FILE', 'STATE', 'PERSON', 'BOX (x,y,w,h)', 'SCORE', 'TIME'],
      faces.map((f) => [
        f.id,
        f.media,
        f.media_name,
        f.state,
        f.person?.name ?? (f.suggestion ? `${f.suggestion.person?.name} (${f.suggestion.distance ?? '?'})` : ''),
        [f.box.x, f.box.y, f.box.w, f.box.h].map((v) => v.toFixed(3)).join(','),
        f.score?.toFixed(2),
        f.time === null ? '' : `${f.time.toFixed(1)} s`,
      ]),
    ) + `\n${count(faces.length, 'face')}.`
  );
}

async function allFaces(session: Session, query: { media?: string; states?: FaceState[] }): Promise<FaceInfo[]> {
  const faces: FaceInfo[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await session.call('faces.list', { ...query, offset, limit: pageSize });
    faces.push(...page);
    if (page.length < pageSize) return faces;
  }
}

function parseBox(value: string | undefined): { x: number; y: number; w: number; h: number } {
  if (value === undefined) throw usageError('--box is required: x,y,w,h as fractions of the picture, e.g. --box 0.4,0.2,0.1,0.15.');
  const parts = value.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) throw usageError(`--box "${value}" is not four numbers x,y,w,h.`);
  const [x, y, w, h] = parts as [number, number, number, number];
  return { x, y, w, h };
}

function faceId(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw usageError(`"${value}" is not a face id (a whole number, as shown by "faces list").`);
  return Number(value);
}

function referenceJson(r: FaceReferenceInfo) {
  return { id: r.id, person: r.personId, face: r.faceId, image: r.imageName, taken_at: r.takenAt, created_at: r.createdAt, needs_refresh: r.needsRefresh };
}

export const facesCommands: CliCommand[] = [
  {
    name: 'faces detect',
    usage: '<media…>|--all',
    summary: 'Find the faces in photos and videos (media already scanned with the same model and settings are skipped).',
    details: [
      'Runs on every core, off the main thread; Ctrl+C cancels after the current items (what is done stays).',
      'Open faces of a re-scanned item are replaced; faces with a decision and boxes drawn by hand stay.',
      'JSON: {detected, skipped, faces, failed: [{media, name, error}], cancelled}',
    ],
    options: {
      all: { type: 'boolean', description: 'Every media item in the library.' },
      force: { type: 'boolean', description: 'Scan again even if already scanned with the current model and settings.' },
    },
    args: { min: 0 },
    async run(session, input) {
      const all = flag(input, 'all');
      if (all === input.args.length > 0) throw usageError('Name the media (by id or sha256), or use --all.');
      const ctx = await session.context('faces.detect');
      const lib = await session.library();
      const [{ startFaceDetection }, { detectionSelection }] = await Promise.all([
        import('../core/faces/detection-service'),
        import('../core/faces/detection-selection'),
      ]);
      const selection = detectionSelection(lib, { media: input.args, all, force: flag(input, 'force') });
      const report = await followJob(session, startFaceDetection(lib, ctx, selection), 'Detecting faces', 'Cancelling face detection; what is done stays…');
      const json = { ...report, failed: report.failed.map((f) => ({ media: f.mediaId, name: f.name, error: f.error })) };
      const human = [
        `Scanned ${count(report.detected, 'media item')} (${report.skipped} already done); ${count(report.faces, 'face')} found; ${report.failed.length} failed.`,
        ...report.failed.map((f) => `  ${f.name} (media ${f.mediaId}): ${f.error}`),
      ].join('\n');
      if (report.cancelled) return { json, human, failure: 'Face detection was cancelled; run it again to finish.', exitCode: exitCodes.interrupted };
      return { json, human };
    },
  },
  {
    name: 'faces list',
    usage: '[media]',
    summary: 'The faces found, of one media item (by id or sha256) or the whole library.',
    details: [`JSON: [${faceShape}]`, `  ${states}; box relative to the upright image; track and time for faces in video.`],
    options: {
      state: { type: 'string', multiple: true, value: 'STATE', description: `Only faces in this state (${faceStates.join(', ')}); may repeat.` },
      open: { type: 'boolean', description: 'Only faces still to review (unreviewed or suggested).' },
    },
    args: { min: 0, max: 1 },
    async run(session, input) {
      const wanted = list(input, 'state').map((s) => oneOf(s, faceStates, '--state')!);
      const stateFilter = flag(input, 'open') ? (['unreviewed', 'suggested'] as FaceState[]) : wanted.length > 0 ? wanted : undefined;
      const faces = await facesJson(session, await allFaces(session, { media: input.args[0], states: stateFilter }));
      return { json: faces, human: facesTable(faces) };
    },
  },
  {
    name: 'faces assign',
    usage: '<face> <person>|--not-identifiable|--not-a-face|--unreviewed',
    summary: 'Decide who a face is (person by id or external id), or that it cannot be identified, or is not a face.',
    details: ['Every change is kept in the audit log with who, when, before and after.', `JSON: ${faceShape}`],
    options: {
      'not-identifiable': { type: 'boolean', description: 'Too small, turned away or blurred: nobody can be recognised.' },
      'not-a-face': { type: 'boolean', description: 'The detector was wrong.' },
      unreviewed: { type: 'boolean', description: 'Take the decision back.' },
    },
    args: { min: 1, max: 2 },
    async run(session, input) {
      const id = faceId(input.args[0]!);
      const verdicts = (['not-identifiable', 'not-a-face', 'unreviewed'] as const).filter((f) => flag(input, f));
      const person = input.args[1];
      if (verdicts.length + (person === undefined ? 0 : 1) !== 1) throw usageError('Give either a person or one of --not-identifiable, --not-a-face, --unreviewed.');
      const to: FaceAssignment =
        person !== undefined
          ? { verdict: 'person', person }
          : { verdict: verdicts[0] === 'not-identifiable' ? 'not_identifiable' : verdicts[0] === 'not-a-face' ? 'not_a_face' : 'unreviewed' };
      const [face] = await facesJson(session, await session.call('faces.assign', { faces: [id], to }));
      return { json: face, human: `Face ${id}: ${face!.state}${face!.person ? ` (${face!.person.name})` : ''}.` };
    },
  },
  {
    name: 'faces add',
    usage: '<media>',
    summary: 'Add a face the detector missed: a box, on a video at a time, optionally tagged as a person.',
    details: [`JSON: ${faceShape}`],
    options: {
      box: { type: 'string', value: 'x,y,w,h', description: 'The box as fractions (0..1) of the upright picture (required).' },
      time: { type: 'string', value: 'SECONDS', description: 'For a video: when the face is there.' },
      person: { type: 'string', value: 'PERSON', description: 'Who it is (id or external id).' },
    },
    args: { min: 1, max: 1 },
    async run(session, input) {
      const timeText = text(input, 'time');
      const time = timeText === undefined ? undefined : Number(timeText);
      if (time !== undefined && (!Number.isFinite(time) || time < 0)) throw usageError(`--time "${timeText}" is not a number of seconds.`);
      const face = await session.call('faces.add', { media: input.args[0]!, box: parseBox(text(input, 'box')), time, person: text(input, 'person') });
      const [json] = await facesJson(session, [face]);
      return { json, human: `Added face ${face.id} to media ${face.mediaId}${json!.person ? ` as ${json!.person.name}` : ''}.` };
    },
  },
  {
    name: 'faces suggest',
    usage: '[media]',
    summary: 'Suggest who open faces are, from the reference faces of people whose face matching is allowed.',
    details: [
      'Suggestions only: a reviewer confirms each one (faces assign). The distance is shown; lower is closer.',
      'The descriptors of the compared faces are never stored.',
      `JSON: [${faceShape}] (the faces now suggested)`,
    ],
    args: { min: 0, max: 1 },
    async run(session, input): Promise<CommandOutcome> {
      const ctx = await session.context('faces.suggest');
      const lib = await session.library();
      const [{ startFaceSuggestions }, { resolveMedia }] = await Promise.all([import('../core/faces/suggestion-service'), import('../core/media/media-service')]);
      const mediaId = input.args[0] === undefined ? undefined : resolveMedia(lib, input.args[0]).id;
      const report = await followJob(session, startFaceSuggestions(lib, ctx, mediaId), 'Comparing faces', 'Cancelling the comparison; what is done stays…');
      const faces = await facesJson(session, await allFaces(session, { media: input.args[0], states: ['suggested'] }));
      const note = report.noReferences ? 'No one has face matching allowed with a reference face, so nothing was compared.' : `Compared ${count(report.compared, 'open face')}.`;
      const human = `${note}\n${facesTable(faces)}`;
      if (report.failed.length === 0) return { json: faces, human };
      return { json: faces, human, failure: report.failed.map((f) => `media ${f.mediaId}: ${f.error}`).join('; '), exitCode: exitCodes.failure };
    },
  },
  {
    name: 'people face-matching',
    usage: '<person> [on|off]',
    summary: 'Show or set the separate face matching permission (off by default); off deletes the person’s reference faces.',
    details: ['JSON: {person, allowed, granted_at, granted_by, references: [{id, person, face, image, taken_at, created_at, needs_refresh}]}'],
    args: { min: 1, max: 2 },
    async run(session, input) {
      const [person, setting] = input.args as [string, string | undefined];
      const allowed = oneOf(setting, ['on', 'off'] as const, 'The setting');
      const status =
        allowed === undefined ? await session.call('people.faceMatching', { person }) : await session.call('people.setFaceMatching', { person, allowed: allowed === 'on' });
      const json = { person: status.personId, allowed: status.allowed, granted_at: status.grantedAt, granted_by: status.grantedBy, references: status.references.map(referenceJson) };
      const refresh = status.references.filter((r) => r.needsRefresh).length;
      const human = `Face matching ${status.allowed ? 'allowed' : 'not allowed'}; ${count(status.references.length, 'reference face')}${refresh ? ` (${refresh} older than a year: replace them)` : ''}.`;
      return { json, human };
    },
  },
  {
    name: 'people reference',
    usage: '<person> <face|image>',
    summary: 'Add a reference face for recognition suggestions: a face tagged as the person, or an image file (its largest face).',
    details: ['Needs the face matching permission (people face-matching <person> on). Only the descriptor and the file name are kept.', 'JSON: {id, person, face, image, taken_at, created_at, needs_refresh}'],
    args: { min: 2, max: 2 },
    async run(session, input) {
      const [person, source] = input.args as [string, string];
      const reference = /^\d+$/.test(source)
        ? await session.call('people.addReference', { person, face: Number(source) })
        : await session.call('people.addReference', { person, image: resolve(source) });
      return { json: referenceJson(reference), human: `Reference ${reference.id} added (taken ${reference.takenAt}).` };
    },
  },
];

