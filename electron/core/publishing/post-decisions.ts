import { todayIso } from '../../../shared/domain/dates';
import { decide, type Decision } from '../../../shared/domain/decision';
import type { IsoDate, Media } from '../../../shared/types';
import { assembleInput } from '../export/decision-inputs';
import { decisionPolicy } from '../export/policy';
import { resolveChannel } from '../export/selection';
import type { PostRow } from '../db/repositories/post-repository';
import type { Library } from '../library';
import { publishingIdentity } from './identities';

export interface PostMediaDecision {
  media: Media;
  decision: Decision;
}

/**
 * The decision for every media item of a post, as of `date`: the export's own input, plus what only
 * publishing knows — the identity's official channels (rule 13) and open questions about the media or
 * the post (rules 7, 10), each of which blocks the item until answered.
 */
export function decidePost(lib: Library, post: PostRow, date: IsoDate = todayIso()): PostMediaDecision[] {
  const channel = resolveChannel(lib, post.channel);
  const identity = publishingIdentity(lib, post.identity);
  const policy = decisionPolicy(lib);
  const postDoubt = lib.repos.doubts.openOfPost(post.id);
  return lib.repos.posts.media(post.id).map((id) => {
    const media = lib.repos.media.get(id)!;
    const { input } = assembleInput(lib, media, channel, identity, date, policy);
    const doubt = lib.repos.doubts.openOfMedia(id) ?? postDoubt;
    const openDoubt = input.media.openDoubt ?? (doubt ? { question: doubt.question } : null);
    return { media, decision: decide({ ...input, media: { ...input.media, openDoubt } }) };
  });
}
