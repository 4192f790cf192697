import type { Post, PostStatus, PostSummary } from '../../../shared/contract/publishing';
import { identityRefusal, mayRelease } from '../../../shared/domain/permissions';
import { ClearFrameError } from '../../../shared/result';
import type { IsoDate } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import type { PostRow } from '../db/repositories/post-repository';
import { resolveIdentity } from '../export/identities';
import { resolveMedia } from '../media/media-service';
import type { Library } from '../library';
import { officialChannel, toIdentity } from './identities';
import { findPost, postView } from './post-view';

export interface NewPostRequest {
  identity: string;
  channel: string;
  media: readonly string[];
  caption: string | null;
  plannedOn: IsoDate | null;
  thirdPartyContent: boolean;
}

export interface PostChanges {
  caption?: string | null;
  plannedOn?: IsoDate | null;
  thirdPartyContent?: boolean;
  addMedia: readonly string[];
  removeMedia: readonly string[];
}

const changed = (lib: Library) => lib.events.emit('library.changed', { what: 'media' });

export function listPosts(lib: Library, status?: PostStatus): PostSummary[] {
  return lib.repos.posts.list(status).map((p) => ({
    id: p.id,
    identity: p.identity,
    identityName: resolveIdentityName(lib, p.identity),
    channel: p.channel,
    caption: p.caption,
    plannedOn: p.plannedOn,
    status: p.status,
    author: p.author,
    mediaCount: p.mediaCount,
    openDoubts: p.openDoubts,
  }));
}

function resolveIdentityName(lib: Library, key: string): string {
  return lib.repos.schools.findSchool(key)?.name ?? (lib.repos.settings.get('foundation_name') || key);
}

export const getPost = (lib: Library, id: number): Post => postView(lib, findPost(lib, id));

/** Staff assemble a post for an official channel of an identity (rules 2, 13); it starts as a draft. */
export function createPost(lib: Library, ctx: RequestContext, req: NewPostRequest): Post {
  const identity = resolveIdentity(lib, req.identity);
  officialChannel(lib, identity.key, req.channel);
  const mediaIds = uniqueMedia(lib, req.media);
  const id = lib.transaction(() => {
    const id = lib.repos.posts.create({ ...req, identity: identity.key, author: ctx.actor });
    lib.repos.posts.addMedia(id, mediaIds);
    lib.repos.audit.append(ctx.actor, 'post.created', `post:${id}`, { identity: identity.key, channel: req.channel, media: mediaIds });
    return id;
  });
  changed(lib);
  return getPost(lib, id);
}

export function updatePost(lib: Library, ctx: RequestContext, id: number, changes: PostChanges): Post {
  const before = draft(lib, id);
  const add = uniqueMedia(lib, changes.addMedia);
  const remove = uniqueMedia(lib, changes.removeMedia);
  const after: Pick<PostRow, 'caption' | 'plannedOn' | 'thirdPartyContent'> = {
    caption: changes.caption !== undefined ? changes.caption : before.caption,
    plannedOn: changes.plannedOn !== undefined ? changes.plannedOn : before.plannedOn,
    thirdPartyContent: changes.thirdPartyContent ?? before.thirdPartyContent,
  };
  lib.transaction(() => {
    lib.repos.posts.update(id, after);
    lib.repos.posts.addMedia(id, add);
    lib.repos.posts.removeMedia(id, remove);
    lib.repos.audit.append(ctx.actor, 'post.changed', `post:${id}`, {
      before: { caption: before.caption, plannedOn: before.plannedOn, thirdPartyContent: before.thirdPartyContent },
      after,
      addedMedia: add,
      removedMedia: remove,
    });
  });
  changed(lib);
  return getPost(lib, id);
}

/** Hands a draft to the identity's management or board for release (four eyes). */
export function submitPost(lib: Library, ctx: RequestContext, id: number): Post {
  const post = draft(lib, id);
  officialChannel(lib, post.identity, post.channel);
  const media = lib.repos.posts.media(id);
  if (media.length === 0) throw new ClearFrameError('invalid_input', `Post ${id} has no media yet; add at least one photo or video before submitting it.`);
  lib.transaction(() => {
    lib.repos.posts.submit(id);
    lib.repos.audit.append(ctx.actor, 'post.submitted', `post:${id}`, { identity: post.identity, channel: post.channel, media });
  });
  changed(lib);
  return getPost(lib, id);
}

/** Whoever may release for the identity may also turn a submitted post down, with a reason for its author. */
export function rejectPost(lib: Library, ctx: RequestContext, id: number, reason: string): Post {
  const post = submitted(lib, ctx, id);
  lib.transaction(() => {
    lib.repos.posts.decide(id, 'rejected', ctx.actor, reason, null);
    lib.repos.audit.append(ctx.actor, 'post.rejected', `post:${id}`, { identity: post.identity, channel: post.channel, reason });
  });
  changed(lib);
  return getPost(lib, id);
}

/** A submitted post that this profile may decide on for its identity. */
export function submitted(lib: Library, ctx: RequestContext, id: number): PostRow {
  const post = findPost(lib, id);
  if (post.status !== 'submitted') {
    throw new ClearFrameError('conflict', `Post ${id} is ${post.status}, not awaiting release; only a submitted post can be released or rejected.`);
  }
  const identity = toIdentity(post.identity);
  if (ctx.user && !mayRelease(ctx.user, identity)) throw new ClearFrameError('forbidden', identityRefusal(ctx.user, 'release', identity));
  return post;
}

function draft(lib: Library, id: number): PostRow {
  const post = findPost(lib, id);
  if (post.status !== 'draft') throw new ClearFrameError('conflict', `Post ${id} is ${post.status}; only a draft can be changed or submitted.`);
  return post;
}

function uniqueMedia(lib: Library, refs: readonly string[]): number[] {
  return [...new Set(refs.map((ref) => resolveMedia(lib, ref).id))];
}
