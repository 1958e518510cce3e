import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { sendPrivatePage } from '../http/replies.ts';
import { AppError, commonErrors } from '../shared/errors.ts';
import type { Site } from '../sites/sites.repository.ts';
import { fromLocalDateTime } from '../time/format.ts';
import { newsroomErrors as E } from './newsroom.errors.ts';
import { editorPage } from './newsroom.pages.ts';
import type { ArticleInput } from './newsroom.usecases.ts';

// What the newsroom's route modules share (articles, live blogs, Top News's
// picks): the request schemas, who may edit, the editor's page and how a form
// action answers.

export const EDITORS = ['editor', 'admin'] as const;
export const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });
export const Str = (max: number) => Type.Optional(Type.String({ maxLength: max }));
export const ArticleBody = Type.Object({
  kind: Type.Optional(Type.Union([Type.Literal('article'), Type.Literal('liveblog')])),
  headline: Type.String({ maxLength: 200 }),
  shortTitle: Str(80),
  standfirst: Type.String({ maxLength: 500 }),
  bodyText: Type.String({ maxLength: 100_000 }),
  sectionId: Type.String({ maxLength: 40 }),
  tags: Str(500),
  authorIds: Type.Optional(
    Type.Union([Type.String({ maxLength: 40 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })]),
  ),
  dateline: Str(60),
  slug: Str(80),
  seoTitle: Str(120),
  seoDescription: Str(300),
  commentsOpen: Type.Optional(Type.Union([Type.Boolean(), Type.String({ maxLength: 5 })])),
  liveTopic: Str(40),
  leadImageId: Str(40),
  leadImageAlt: Str(300),
  leadImageCaption: Str(300),
  leadImageCredit: Str(120),
  version: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.String({ maxLength: 10 })])),
  _csrf: Str(200),
});
export const Workflow = Type.Object({
  version: Type.Union([Type.Integer({ minimum: 0 }), Type.String({ maxLength: 10 })]),
  at: Str(40),
  note: Str(1000),
  revisionId: Str(40),
  _csrf: Str(200),
});
export const EntryBody = Type.Object({
  headline: Type.String({ minLength: 1, maxLength: 200 }),
  text: Type.String({ minLength: 1, maxLength: 20_000 }),
  keyEvent: Type.Optional(Type.Union([Type.Boolean(), Type.String({ maxLength: 5 })])),
  _csrf: Str(200),
});

export const flag = (v: boolean | string | undefined) => v === true || v === 'yes' || v === 'true' || v === 'on';
/** The version an editor saw: a whole number from 0 (below 0 the repository would insert a copy: a 500). */
export const num = (v: number | string | undefined) => {
  const n = Number(v ?? 0);
  if (!Number.isInteger(n) || n < 0 || n > 2_147_483_647)
    throw new AppError(commonErrors.VALIDATION_FAILED, 'version: a whole number from 0.');
  return n;
};

export function input(b: Static<typeof ArticleBody>, form: boolean): ArticleInput {
  return {
    kind: b.kind,
    headline: b.headline,
    shortTitle: b.shortTitle,
    standfirst: b.standfirst,
    bodyText: b.bodyText,
    sectionId: b.sectionId,
    tags: b.tags,
    authorIds:
      b.authorIds === undefined ? (form ? [] : undefined) : Array.isArray(b.authorIds) ? b.authorIds : [b.authorIds],
    dateline: b.dateline,
    slug: b.slug,
    seoTitle: b.seoTitle,
    seoDescription: b.seoDescription,
    // An unticked box sends nothing.
    commentsOpen: b.commentsOpen === undefined ? (form ? false : undefined) : flag(b.commentsOpen),
    liveTopic: b.liveTopic,
    ...(b.leadImageId === undefined
      ? {}
      : {
          leadImage: {
            imageId: b.leadImageId,
            alt: b.leadImageAlt,
            caption: b.leadImageCaption,
            credit: b.leadImageCredit,
          },
        }),
  };
}

export const notices: Record<string, string> = {
  saved: 'Saved.',
  published: 'Published: it is on the site now.',
  scheduled: 'Scheduled: it will be published at the time given.',
  unpublished: 'Unpublished: readers no longer see it.',
  updated: 'Marked as updated: the page shows "Updated" with the time.',
  corrected: 'The correction is on the page.',
  restored: 'The earlier version is back (as a new revision).',
  posted: 'Posted: readers see it now.',
  banner: 'The banner is changed on every open page.',
  ended: 'The coverage has ended.',
};

export const send = sendPrivatePage;

export const Banner = Type.Object({
  version: Type.Union([Type.Integer({ minimum: 0 }), Type.String({ maxLength: 10 })]),
  on: Type.Union([Type.Boolean(), Type.String({ maxLength: 5 })]),
  topic: Str(40),
  _csrf: Str(200),
});

/** A schedule form's time: an ISO time, or the site's local date and time. */
export function scheduleAt(site: Site, at: string | undefined): string {
  const d = at ? (/[zZ]|[+-]\d\d:\d\d$/.test(at) ? new Date(at) : fromLocalDateTime(at, site.timeZone)) : undefined;
  if (!d || Number.isNaN(d.getTime())) throw new AppError(E.SCHEDULE_IN_PAST, 'Give the date and time to publish at.');
  return d.toISOString();
}

export type NewsroomHttpDeps = Pick<Services, 'articlesRepository' | 'auth' | 'newsroom' | 'pages'>;

export function newsroomHttp(deps: NewsroomHttpDeps) {
  const { auth, newsroom: uc } = deps;

  async function editor(request: FastifyRequest) {
    const viewer = await auth.requireUser(request, [...EDITORS]);
    return { viewer, site: await auth.site(request) };
  }

  async function chrome(request: FastifyRequest, reply: FastifyReply) {
    const { viewer, site } = await editor(request);
    const csrf = await auth.csrfToken(request, reply);
    const c = await deps.pages.chrome(site);
    return {
      chrome: { ...c, viewer: { displayName: viewer.user.displayName, csrf, role: viewer.user.role } },
      csrf,
      viewer,
      site,
    };
  }

  async function editorView(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    extra: { notice?: string | undefined; error?: string | undefined; kind?: 'article' | 'liveblog' },
    status = 200,
  ) {
    const { chrome: c, csrf, site } = await chrome(request, reply);
    const article = id ? await uc.get(site, id) : null;
    const [authors, revisions] = await Promise.all([
      deps.articlesRepository.listAuthors(site.id),
      id ? uc.revisions(id) : [],
    ]);
    const sectionSlug = article ? c.sections.find((s) => s.id === article.sectionId)?.slug : undefined;
    return send(
      reply,
      editorPage(c, csrf, {
        article,
        kind: extra.kind ?? 'article',
        sections: c.sections,
        authors,
        revisions,
        notice: extra.notice,
        error: extra.error,
        sectionSlug,
      }),
      status,
    );
  }

  /** A form action: on success back to the editor with a notice; on a mistake the editor with the reason. */
  async function formAction(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    run: () => Promise<unknown>,
    notice: string,
  ) {
    try {
      await run();
      return reply.redirect(`/admin/articles/${id}?notice=${notice}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500 || err.code === 'NOT_LOGGED_IN' || err.code === 'FORBIDDEN')
        throw err;
      return editorView(request, reply, id, { error: err.message }, err.status);
    }
  }

  return { editor, chrome, editorView, formAction };
}
