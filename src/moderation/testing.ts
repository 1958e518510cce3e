import type { User } from '../accounts/users.repository.ts';
import type { Services } from '../core/services.ts';
import type { App } from '../http/app.ts';
import { buildTestApp, createTestUser, demoArticleStoryId, TEST_NOW } from '../http/testing.ts';
import { newId } from '../shared/ids.ts';
import type { Site } from '../sites/sites.repository.ts';
import type { CommentStatus, ReportReason, Role } from '../storage/schema.ts';

// A demo site with its staff and readers, and comments put straight into the
// database, for the workspace's use cases.

export interface Workspace {
  app: App;
  s: Services;
  site: Site;
  storyId: string;
  mod: User;
  admin: User;
  reader: User;
  user(name: string, role?: Role): Promise<User>;
  comment(o?: Partial<SeededComment>): Promise<string>;
  report(commentId: string, by: User, reason?: ReportReason, at?: string): Promise<void>;
}

export interface SeededComment {
  id: string;
  author: User | null;
  status: CommentStatus;
  body: string;
  moderation: unknown;
  createdAt: string;
  storyId: string;
  parentId: string | null;
}

export const minutesAgo = (m: number) => new Date(TEST_NOW.getTime() - m * 60_000).toISOString();

export async function workspace(): Promise<Workspace> {
  const app = await buildTestApp();
  const s = app.services;
  const site = (await s.sitesRepository.get('demo'))!;
  const storyId = await demoArticleStoryId(app);
  const user = async (name: string, role: Role = 'reader') => {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`;
    return (await s.usersRepository.get(await createTestUser(app, { email, name, role })))!;
  };
  const mod = await user('Mona Mod', 'moderator');
  const admin = await user('Ada Admin', 'admin');
  const reader = await user('Rita Reader');
  let n = 0;
  return {
    app,
    s,
    site,
    storyId,
    mod,
    admin,
    reader,
    user,
    async comment(o = {}) {
      const id = o.id ?? newId();
      const body = o.body ?? `A comment about the harbour, number ${++n}.`;
      await s.commentsRepository.insert({
        id,
        siteId: 'demo',
        storyId: o.storyId ?? storyId,
        parentId: o.parentId ?? null,
        displayParentId: o.parentId ?? null,
        rootId: o.parentId ?? null,
        depth: o.parentId ? 1 : 0,
        authorId: o.author === undefined ? reader.id : (o.author?.id ?? null),
        authorName: o.author === undefined ? reader.displayName : (o.author?.displayName ?? 'Someone'),
        body,
        bodyHtml: `<p>${body}</p>`,
        status: o.status ?? 'pending',
        statusReason: o.status === 'published' ? null : 'Waiting for a moderator.',
        moderation: JSON.stringify(o.moderation ?? {}),
        contentHash: id,
        createdAt: o.createdAt ?? minutesAgo(60 - n),
        idempotencyKey: null,
      });
      return id;
    },
    async report(commentId, by, reason = 'spam', at = TEST_NOW.toISOString()) {
      await s.commentsRepository.report({ commentId, userId: by.id, reason, note: null, at });
    },
  };
}
