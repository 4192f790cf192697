import type { publishingCommands } from '../../../shared/contract/publishing';
import type { Library } from '../library';
import { consentForms } from '../publishing/consent-forms';
import { consentLifecycle } from '../publishing/consent-lifecycle';
import { answerDoubt, askDoubt, listDoubts } from '../publishing/doubt-service';
import { addOfficialChannel, listIdentities, removeOfficialChannel } from '../publishing/identities';
import { createPost, getPost, listPosts, rejectPost, submitPost, updatePost } from '../publishing/post-service';
import { releasePost } from '../publishing/release-service';
import type { FeatureHandlers } from './handler-types';

export function publishingHandlers(lib: Library): FeatureHandlers<keyof typeof publishingCommands> {
  return {
    'identities.list': () => listIdentities(lib),
    'identities.addChannel': (req, ctx) => addOfficialChannel(lib, ctx, req),
    'identities.removeChannel': ({ identity, channel }, ctx) => removeOfficialChannel(lib, ctx, identity, channel),
    'posts.list': ({ status }) => listPosts(lib, status),
    'posts.get': ({ id }) => getPost(lib, id),
    'posts.create': (req, ctx) => createPost(lib, ctx, req),
    'posts.update': ({ id, ...changes }, ctx) => updatePost(lib, ctx, id, changes),
    'posts.submit': ({ id }, ctx) => submitPost(lib, ctx, id),
    'posts.release': (req, ctx) => releasePost(lib, ctx, req),
    'posts.reject': ({ id, reason }, ctx) => rejectPost(lib, ctx, id, reason),
    'doubts.ask': (q, ctx) => askDoubt(lib, ctx, q),
    'doubts.list': ({ status, mine }, ctx) => listDoubts(lib, ctx, status, mine),
    'doubts.answer': (a, ctx) => answerDoubt(lib, ctx, a),
    'consent.expiring': ({ days, date }) => consentLifecycle(lib, days, date),
    'consent.forms': (req, ctx) => consentForms(lib, ctx, req),
  };
}
