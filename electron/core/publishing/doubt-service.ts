import type { Doubt, DoubtStatus } from '../../../shared/contract/publishing';
import { identityRefusal, mayAnswer } from '../../../shared/domain/permissions';
import { ClearFrameError } from '../../../shared/result';
import type { RequestContext } from '../api/context';
import { resolveMedia } from '../media/media-service';
import type { Library } from '../library';
import { identityOfMedia, toIdentity } from './identities';
import { doubtView, findPost } from './post-view';

export interface DoubtQuestion {
  post?: number;
  media?: string;
  question: string;
}

export interface DoubtAnswer {
  id: number;
  answer: string;
  verdict: 'answer' | 'approve' | 'reject';
  reason?: string;
}

const changed = (lib: Library) => lib.events.emit('library.changed', { what: 'media' });

/**
 * "In doubt? Ask" (rules 7, 10): anyone may ask about a post or a media item. The question goes to the
 * management of the post's identity or the media's school (the board for the foundation), and the item
 * cannot be exported until it is answered.
 */
export function askDoubt(lib: Library, ctx: RequestContext, q: DoubtQuestion): Doubt {
  const target =
    q.post !== undefined
      ? { postId: findPost(lib, q.post).id, mediaId: null, identity: findPost(lib, q.post).identity }
      : (() => {
          const media = resolveMedia(lib, q.media ?? '');
          return { postId: null, mediaId: media.id, identity: identityOfMedia(lib, media) };
        })();
  const id = lib.transaction(() => {
    const id = lib.repos.doubts.create({ ...target, question: q.question, askedBy: ctx.actor });
    const subject = target.postId !== null ? `post:${target.postId}` : `media:${target.mediaId}`;
    lib.repos.audit.append(ctx.actor, 'doubt.asked', subject, { doubt: id, identity: target.identity, question: q.question });
    return id;
  });
  changed(lib);
  return doubtView(lib, lib.repos.doubts.get(id)!);
}

/** The review queue: what this profile may answer and what it asked itself (everything with `mine` false). */
export function listDoubts(lib: Library, ctx: RequestContext, status: DoubtStatus | undefined, mine: boolean): Doubt[] {
  const rows = lib.repos.doubts.list(status);
  const user = ctx.user;
  const visible = !mine || !user ? rows : rows.filter((d) => d.askedBy === ctx.actor || mayAnswer(user, toIdentity(d.identity)));
  return visible.map((d) => doubtView(lib, d));
}

/**
 * The management answers (the item may then go), approves, or rejects with a reason (rule 8): a rejected
 * media item is marked "not for publication" everywhere, a rejected post is turned down.
 */
export function answerDoubt(lib: Library, ctx: RequestContext, a: DoubtAnswer): Doubt {
  const doubt = lib.repos.doubts.get(a.id);
  if (!doubt) throw new ClearFrameError('not_found', `There is no question ${a.id}; the review queue lists the open ones.`);
  const identity = toIdentity(doubt.identity);
  if (ctx.user && !mayAnswer(ctx.user, identity)) throw new ClearFrameError('forbidden', identityRefusal(ctx.user, 'answer', identity));
  if (doubt.status !== 'open') throw new ClearFrameError('conflict', `Question ${a.id} was already ${doubt.status} by ${doubt.answeredBy}.`);
  const status = a.verdict === 'answer' ? 'answered' : a.verdict === 'approve' ? 'approved' : 'rejected';
  const reason = a.verdict === 'reject' ? (a.reason ?? a.answer) : null;
  lib.transaction(() => {
    if (!lib.repos.doubts.answer(doubt.id, status, a.answer, reason, ctx.actor)) {
      throw new ClearFrameError('conflict', `Question ${a.id} was answered by someone else just now.`);
    }
    if (reason !== null && doubt.mediaId !== null) markNotForPublication(lib, ctx, doubt.mediaId, reason);
    if (reason !== null && doubt.postId !== null) rejectPostForDoubt(lib, ctx, doubt.postId, reason);
    const subject = doubt.postId !== null ? `post:${doubt.postId}` : `media:${doubt.mediaId}`;
    lib.repos.audit.append(ctx.actor, `doubt.${status}`, subject, { doubt: doubt.id, identity: doubt.identity, answer: a.answer, reason });
  });
  changed(lib);
  return doubtView(lib, lib.repos.doubts.get(doubt.id)!);
}

function markNotForPublication(lib: Library, ctx: RequestContext, mediaId: number, reason: string): void {
  const before = lib.repos.marks.get(mediaId);
  const after = { ...before, notForPublication: reason };
  lib.repos.marks.set(after, ctx.actor);
  lib.repos.audit.append(ctx.actor, 'media.marked', `media:${mediaId}`, { before, after });
}

function rejectPostForDoubt(lib: Library, ctx: RequestContext, postId: number, reason: string): void {
  const post = findPost(lib, postId);
  if (post.status !== 'draft' && post.status !== 'submitted') return;
  lib.repos.posts.decide(postId, 'rejected', ctx.actor, reason, null);
  lib.repos.audit.append(ctx.actor, 'post.rejected', `post:${postId}`, { identity: post.identity, channel: post.channel, reason });
}
