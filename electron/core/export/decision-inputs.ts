import type { DecisionFace, DecisionInput, DecisionMedia, DecisionPerson, PublishingIdentity } from '../../../shared/domain/decision-input';
import type { DecisionPolicy } from '../../../shared/domain/decision-policy';
import type { Channel, ConsentRecord, Face, IsoDate, Media } from '../../../shared/types';
import type { Library } from '../library';
import type { TrackSample } from './video-tracks';

/** A face as stored, with the sampled boxes of its video track (null for a photo face). */
export interface StoredFace extends Face {
  samples: TrackSample[] | null;
}

/** Everything one decision was made from, kept so the export redacts exactly the faces the decision names. */
export interface AssembledInput {
  input: DecisionInput;
  faces: StoredFace[];
}

function decisionMedia(lib: Library, media: Media): DecisionMedia {
  const marks = lib.repos.marks.get(media.id);
  const detection = lib.repos.faces.detection(media.id);
  const permission = marks.thirdPartyPermission;
  const doubt = lib.repos.doubts.openOfMedia(media.id);
  return {
    id: media.id,
    kind: media.kind,
    hasAudio: media.hasAudio,
    license: media.license,
    rightsHolder: media.rightsHolder,
    facesDetected: detection !== undefined && detection.error === null,
    confidential: marks.confidential,
    notForPublication: marks.notForPublication === null ? null : { reason: marks.notForPublication },
    // A question about a post is added by the post's own decisions; this is one about the media itself.
    openDoubt: doubt ? { question: doubt.question } : null,
    audioRights: marks.audioRights,
    thirdPartyPermission: permission && { channels: permission.channels, until: permission.until },
  };
}

function storedFaces(lib: Library, mediaId: number): StoredFace[] {
  return lib.repos.faces.ofMedia(mediaId).map((face) => {
    const samples = face.trackId === null ? null : lib.repos.faces.trackBoxes(face.trackId).map(({ time, box }) => ({ time, box }));
    return { ...face, samples };
  });
}

/**
 * The decision input for one media item on one channel, read from the library: its marks and rights,
 * its faces, everyone a face is tagged or suggested as, and their whole consent history (the decision
 * reads it as of `date` itself).
 */
export function assembleInput(
  lib: Library,
  media: Media,
  channel: Channel,
  identity: PublishingIdentity | null,
  date: IsoDate,
  policy: DecisionPolicy,
  removeAudio = false,
): AssembledInput {
  const faces = storedFaces(lib, media.id);
  const personIds = new Set(faces.flatMap((f) => [f.personId, f.suggestedPersonId]).filter((id): id is number => id !== null));
  const people: DecisionPerson[] = [];
  const consentHistory: ConsentRecord[] = [];
  for (const id of personIds) {
    const person = lib.repos.people.get(id);
    if (!person) continue;
    people.push(person);
    consentHistory.push(...lib.repos.consent.historyOf(id));
  }
  const decisionFaces: DecisionFace[] = faces.map(({ id, box, state, personId, suggestedPersonId, trackId }) => ({
    id,
    box,
    state,
    personId,
    suggestedPersonId,
    trackId,
  }));
  return {
    input: {
      media: decisionMedia(lib, media),
      faces: decisionFaces,
      people,
      consentHistory,
      channel: { key: channel.key, name: channel.name, kind: channel.kind },
      publishingIdentity: identity,
      date,
      policy,
      removeAudio,
    },
    faces,
  };
}
