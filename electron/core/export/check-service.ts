import type { CheckedMedia } from '../../../shared/contract/export';
import { todayIso } from '../../../shared/domain/dates';
import { decide, type Decision } from '../../../shared/domain/decision';
import type { PublishingIdentity } from '../../../shared/domain/decision-input';
import type { DecisionPolicy } from '../../../shared/domain/decision-policy';
import type { Channel, IsoDate, Media } from '../../../shared/types';
import type { Library } from '../library';
import { assembleInput, type AssembledInput } from './decision-inputs';
import { resolveIdentity } from './identities';
import { decisionPolicy } from './policy';
import { resolveChannel, selectMedia } from './selection';

export interface DecisionContext {
  channel: Channel;
  identity: PublishingIdentity | null;
  date: IsoDate;
  policy: DecisionPolicy;
  removeAudio: boolean;
}

export interface MediaDecision extends AssembledInput {
  media: Media;
  decision: Decision;
}

/** The decision for one media item, with the stored faces it was made from. */
export function decideMedia(lib: Library, media: Media, ctx: DecisionContext): MediaDecision {
  const assembled = assembleInput(lib, media, ctx.channel, ctx.identity, ctx.date, ctx.policy, ctx.removeAudio);
  return { ...assembled, media, decision: decide(assembled.input) };
}

export interface CheckRequest {
  media: readonly string[];
  all: boolean;
  channel: string;
  identity?: string;
  date?: IsoDate;
  removeAudio?: boolean;
}

export function decisionContext(lib: Library, req: Omit<CheckRequest, 'media' | 'all'>): DecisionContext {
  return {
    channel: resolveChannel(lib, req.channel),
    identity: req.identity === undefined ? null : resolveIdentity(lib, req.identity),
    date: req.date ?? todayIso(),
    policy: decisionPolicy(lib),
    removeAudio: req.removeAudio ?? false,
  };
}

/** May each media item go to the channel (for the identity, on the date), and what must be blurred? */
export function checkMedia(lib: Library, req: CheckRequest): CheckedMedia[] {
  const ctx = decisionContext(lib, req);
  return selectMedia(lib, req.media, req.all).map((media) => ({
    mediaId: media.id,
    name: media.name,
    kind: media.kind,
    decision: decideMedia(lib, media, ctx).decision,
  }));
}
