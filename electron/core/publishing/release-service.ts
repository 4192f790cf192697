import { isAbsolute } from 'node:path';
import type { BlockedMedia, ExportReport } from '../../../shared/contract/export';
import type { ReleaseReport } from '../../../shared/contract/publishing';
import { ClearFrameError } from '../../../shared/result';
import type { RequestContext } from '../api/context';
import { startExport } from '../export/export-service';
import type { Library } from '../library';
import { toIdentity } from './identities';
import { decidePost } from './post-decisions';
import { getPost, submitted } from './post-service';
import { releaseRefusal } from './release-rules';

export interface ReleaseRequest {
  id: number;
  outDir: string;
  thirdPartyChecked: boolean;
}

/**
 * Four eyes (rule 2): someone other than the author, allowed to release for the post's identity, releases it.
 * The decisions are made again now, because consent may have been withdrawn since the post was prepared;
 * what may go is exported (and recorded in the publication register by the export), the rest is reported.
 */
export async function releasePost(lib: Library, ctx: RequestContext, req: ReleaseRequest): Promise<ReleaseReport> {
  const post = submitted(lib, ctx, req.id);
  const refusal = ctx.user ? releaseRefusal(ctx.user, toIdentity(post.identity), post.author, post.id) : null;
  if (refusal) throw new ClearFrameError('forbidden', refusal);
  if (post.thirdPartyContent && !req.thirdPartyChecked) {
    throw new ClearFrameError(
      'invalid_input',
      `Post ${post.id} may show logos or artwork of others: check that they may be published, then confirm the check when releasing (on the command line: --third-party-checked).`,
    );
  }
  if (!isAbsolute(req.outDir)) throw new ClearFrameError('invalid_input', `The export folder must be a full path, not "${req.outDir}".`);
  const postDoubt = lib.repos.doubts.openOfPost(post.id);
  if (postDoubt) {
    throw new ClearFrameError('conflict', `A question about post ${post.id} is still open ("${postDoubt.question}"); answer it in the review queue first.`);
  }

  const decided = decidePost(lib, post);
  const blocked: BlockedMedia[] = decided.flatMap(({ media, decision }) =>
    decision.decision === 'blocked' ? [{ mediaId: media.id, name: media.name, reasons: decision.reasons }] : [],
  );
  const allowed = decided.filter((d) => d.decision.decision !== 'blocked').map((d) => String(d.media.id));
  let exported: ExportReport | null = null;
  if (allowed.length > 0) {
    exported = await startExport(lib, ctx, {
      media: allowed,
      all: false,
      channel: post.channel,
      identity: post.identity,
      outDir: req.outDir,
      style: 'blur',
      removeAudio: false,
    }).done;
  }
  const publicationId = exported?.publicationId ?? null;
  const allBlocked = [...blocked, ...(exported?.blocked ?? [])];
  lib.transaction(() => {
    // Nothing written means nothing was published: the post stays submitted, to be fixed or rejected.
    if (publicationId !== null) lib.repos.posts.decide(post.id, 'released', ctx.actor, null, publicationId);
    lib.repos.audit.append(ctx.actor, publicationId !== null ? 'post.released' : 'post.release_blocked', `post:${post.id}`, {
      identity: post.identity,
      channel: post.channel,
      author: post.author,
      publication: publicationId,
      thirdPartyChecked: req.thirdPartyChecked,
      exported: exported?.exported.map((e) => e.mediaId) ?? [],
      blocked: allBlocked.map((b) => ({ media: b.mediaId, reasons: b.reasons.map((r) => r.code) })),
    });
  });
  lib.events.emit('library.changed', { what: 'media' });
  return {
    post: getPost(lib, post.id),
    publicationId,
    outDir: req.outDir,
    exported: exported?.exported ?? [],
    blocked: allBlocked,
    failed: exported?.failed ?? [],
  };
}
