import type { IsoDate } from '../types';
import type { DecisionChannel, DecisionInput, DecisionMedia } from './decision-input';
import type { DecisionPolicy } from './decision-policy';
import type { BlockReason, PermissionGap } from './decision-reasons';

/**
 * Rights (rule 6). Someone else's work needs a permission that names the channel, on every channel: a newsletter
 * to all parents is a publication too. Rights nobody recorded block external and social channels; internally
 * the policy decides (see DecisionPolicy.unknownRightsOnInternalChannels).
 */
function unknownRightsBlock(channel: DecisionChannel, policy: DecisionPolicy): boolean {
  return channel.kind !== 'internal' || policy.unknownRightsOnInternalChannels === 'block';
}

function imageRightsReason(media: DecisionMedia, channel: DecisionChannel, date: IsoDate, policy: DecisionPolicy): BlockReason | null {
  if (media.license === 'unknown') {
    if (!unknownRightsBlock(channel, policy)) return null;
    return {
      code: 'rights_unknown',
      params: { channel: channel.name },
      message: `Nobody recorded who holds the rights to this media, so it may not go to ${channel.name}.`,
      fix: 'Record the creator and licence of the media (for example school-owned).',
    };
  }
  if (media.license !== 'third_party') return null;
  const holder = media.rightsHolder ?? 'a third party';
  const permission = media.thirdPartyPermission;
  const fix = `Attach the permission of ${holder} to publish it on ${channel.name} until at least ${date}.`;
  const gap = (params: PermissionGap, message: string): BlockReason => ({
    code: 'rights_third_party',
    params: { holder: media.rightsHolder, channel: channel.name, date, ...params },
    message,
    fix,
  });
  if (!permission) return gap({ permission: 'missing' }, `The media belongs to ${holder} and no permission to publish it is on record.`);
  if (!permission.channels.includes(channel.key)) {
    return gap({ permission: 'other_channels' }, `The permission of ${holder} does not cover ${channel.name}.`);
  }
  if (permission.until !== null && permission.until < date) {
    return gap({ permission: 'ended', until: permission.until }, `The permission of ${holder} ended on ${permission.until}.`);
  }
  return null;
}

/** A video may have sound unless probing showed it has none. */
function mayHaveSound(media: DecisionMedia): boolean {
  return media.kind === 'video' && media.hasAudio !== false;
}

function audioCleared(media: DecisionMedia, channel: DecisionChannel, policy: DecisionPolicy): boolean {
  if (media.audioRights === 'own') return true;
  if (media.audioRights === 'other') return false;
  return !unknownRightsBlock(channel, policy);
}

export interface MediaVerdict {
  reasons: BlockReason[];
  removeAudio: boolean;
}

/** Everything about the media item itself (not its faces) that blocks it, and whether its sound must go. */
export function mediaVerdict(input: DecisionInput): MediaVerdict {
  const { media, channel, date, policy, publishingIdentity: identity } = input;
  const reasons: BlockReason[] = [];
  if (media.notForPublication) {
    reasons.push({
      code: 'not_for_publication',
      params: { note: media.notForPublication.reason },
      message: `The media is marked "not for publication": ${media.notForPublication.reason}`,
      fix: "Choose other media, or ask the school's management to lift the mark.",
    });
  }
  if (media.confidential) {
    reasons.push({
      code: 'confidential',
      params: {},
      message: 'The media is marked confidential.',
      fix: 'Choose other media, or have the mark removed if the media holds nothing confidential.',
    });
  }
  if (media.openDoubt) {
    reasons.push({
      code: 'open_doubt',
      params: { question: media.openDoubt.question },
      message: `A question about this media is still open: "${media.openDoubt.question}"`,
      fix: "Wait until the school's management answers the question in the review queue.",
    });
  }
  if (!media.facesDetected) {
    reasons.push({
      code: 'faces_not_detected',
      params: {},
      message: 'Faces have not been detected in this media yet, so nobody knows who is in it.',
      fix: 'Run face detection (or wait for it to finish) and review the faces.',
    });
  }
  const rights = imageRightsReason(media, channel, date, policy);
  if (rights) reasons.push(rights);

  let removeAudio = Boolean(input.removeAudio) && mayHaveSound(media);
  if (mayHaveSound(media) && !removeAudio && !audioCleared(media, channel, policy)) {
    if (policy.audioWithoutRights === 'remove') {
      removeAudio = true;
    } else {
      const sound = media.audioRights === 'other' ? 'other' : 'unknown';
      const whose = sound === 'other' ? "someone else's" : 'of unknown origin';
      reasons.push({
        code: 'audio_rights',
        params: { channel: channel.name, sound },
        message: `The sound of this video is ${whose}, so it may not go to ${channel.name} with its audio.`,
        fix: "Export without the audio track, or record that the sound is the school's own.",
      });
    }
  }

  const official = identity?.officialChannels;
  if (policy.requireOfficialChannel && identity && official && !official.includes(channel.key)) {
    reasons.push({
      code: 'not_official_channel',
      params: { channel: channel.name, identity: identity.name },
      message: `${channel.name} is not an official channel of ${identity.name}.`,
      fix: `Choose one of the official channels of ${identity.name}, or ask an admin to add ${channel.name} to them.`,
    });
  }
  return { reasons, removeAudio };
}

/** Blurring a face changes the work, which a no-derivatives licence does not allow. */
export function noDerivativesReason(media: DecisionMedia, needsBlur: boolean): BlockReason | null {
  if (media.license !== 'cc_by_nd' || !needsBlur) return null;
  return {
    code: 'rights_no_derivatives',
    params: {},
    message: 'The media is licensed CC BY-ND, which allows no changes, but faces in it would have to be blurred.',
    fix: 'Ask the rights holder for permission to edit it, or choose media in which nobody has to be blurred.',
  };
}
