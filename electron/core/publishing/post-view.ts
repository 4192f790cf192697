import type { Doubt, Post } from '../../../shared/contract/publishing';
import { ClearFrameError } from '../../../shared/result';
import type { DoubtRow } from '../db/repositories/doubt-repository';
import type { PostRow } from '../db/repositories/post-repository';
import { resolveIdentity } from '../export/identities';
import type { Library } from '../library';
import { decidePost } from './post-decisions';

export function findPost(lib: Library, id: number): PostRow {
  const post = lib.repos.posts.get(id);
  if (!post) throw new ClearFrameError('not_found', `There is no post ${id}; "posts list" shows the posts.`);
  return post;
}

export function doubtView(lib: Library, row: DoubtRow): Doubt {
  return { ...row, identityName: identityName(lib, row.identity) };
}

function identityName(lib: Library, key: string): string {
  try {
    return resolveIdentity(lib, key).name;
  } catch {
    return key;
  }
}

/** A post with the decision for each of its media as of today and every question asked about it. */
export function postView(lib: Library, row: PostRow): Post {
  const official = lib.repos.identities.get(row.identity, row.channel);
  return {
    ...row,
    identityName: identityName(lib, row.identity),
    channelName: lib.repos.channels.get(row.channel)?.name ?? row.channel,
    account: official?.account ?? null,
    media: decidePost(lib, row).map(({ media, decision }) => ({
      mediaId: media.id,
      name: media.name,
      kind: media.kind,
      hasThumbnail: media.hasThumbnail,
      decision,
    })),
    doubts: lib.repos.doubts.ofPost(row.id).map((d) => doubtView(lib, d)),
  };
}
