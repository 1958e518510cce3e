import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { messagePage } from '../accounts/account.pages.ts';
import { safeReturnPath } from '../accounts/auth.ts';
import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import { html } from '../shared/html.ts';
import { type PostingDeps, postComment } from './posting.usecases.ts';

// Posting without JavaScript: a plain form on the article page. On success the
// reader lands back on their comment; on a refusal they see why, with their
// words kept so that they can revise them.
export function commentFormRoutes(deps: Pick<Services, 'auth' | 'pages'> & PostingDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth, pages } = deps;
    app.post(
      '/comments/post',
      {
        schema: {
          body: Type.Object({
            storyId: Type.String({ maxLength: 40 }),
            body: Type.String({ maxLength: 20_000 }),
            parentId: Type.Optional(Type.String({ maxLength: 40 })),
            return: Type.Optional(Type.String({ maxLength: 500 })),
            sendAnyway: Type.Optional(Type.String()),
            _csrf: Type.Optional(Type.String()),
          }),
        },
      },
      async (request, reply) => {
        const site = await auth.site(request);
        const viewer = await auth.viewer(request);
        const back = safeReturnPath(request.body.return, '/');
        if (!viewer) return reply.redirect(`/account/login?return=${encodeURIComponent(back)}`, 303);
        try {
          const { comment } = await postComment(deps, {
            site,
            user: viewer.user,
            storyId: request.body.storyId,
            parentId: request.body.parentId || null,
            body: request.body.body,
            sendAnyway: request.body.sendAnyway === 'yes',
          });
          return reply.redirect(`${back}?comment=${comment.id}#comment-${comment.id}`, 303);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          const csrf = await auth.csrfToken(request, reply);
          const chrome = await pages.chrome(site, {
            displayName: viewer.user.displayName,
            csrf,
            role: viewer.user.role,
          });
          const nudge = err.code === 'COMMENT_REFUSED' && (err.details as { nudge?: boolean } | undefined)?.nudge;
          const page = messagePage(
            chrome,
            err.code === 'COMMENT_REFUSED' ? 'Please revise your comment' : 'Your comment was not posted',
            [{ kind: 'error', text: err.message }],
            html`<form class="comment-form" method="post" action="/comments/post"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="storyId" value="${request.body.storyId}"><input type="hidden" name="return" value="${back}">${
              request.body.parentId ? html`<input type="hidden" name="parentId" value="${request.body.parentId}">` : ''
            }<label for="comment-body">Your comment</label><textarea id="comment-body" name="body" required>${request.body.body}</textarea>
<button class="button" type="submit">Post the revised comment</button>${nudge ? html` <button class="button secondary" type="submit" name="sendAnyway" value="yes">Send it to a moderator as it is</button>` : ''}</form>
<p><a href="${back}#comments">Back to the story</a></p>`,
          );
          return reply
            .code(err.status)
            .header('content-type', 'text/html; charset=utf-8')
            .header('cache-control', 'private, no-store')
            .send(page.value);
        }
      },
    );
  };
}
