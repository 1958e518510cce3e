import { type Kysely, type Selectable, sql } from 'kysely';
import type { CommentSettingsTable, Database, StoriesTable } from '../storage/schema.ts';

export interface Story {
  id: string;
  siteId: string;
  key: string;
  articleId: string | null;
  url: string;
  title: string;
  closed: boolean;
  openedAt: string;
  commentCount: number;
  lastCommentAt: string | null;
  createdAt: string;
}

export interface CommentSettings {
  siteId: string;
  maxLength: number;
  editWindowSeconds: number;
  reactionLabel: string;
  autoCloseDays: number | null;
  allClosed: boolean;
  closedMessage: string | null;
  allowedOrigins: string[];
}

export const defaultCommentSettings = (siteId: string): CommentSettings => ({
  siteId,
  maxLength: 5000,
  editWindowSeconds: 600,
  reactionLabel: 'Respect',
  autoCloseDays: null,
  allClosed: false,
  closedMessage: null,
  allowedOrigins: [],
});

const toStory = (r: Selectable<StoriesTable>): Story => ({
  id: r.id,
  siteId: r.site_id,
  key: r.key,
  articleId: r.article_id,
  url: r.url,
  title: r.title,
  closed: r.closed === 1,
  openedAt: r.opened_at,
  commentCount: r.comment_count,
  lastCommentAt: r.last_comment_at,
  createdAt: r.created_at,
});

const toSettings = (r: Selectable<CommentSettingsTable>): CommentSettings => ({
  siteId: r.site_id,
  maxLength: r.max_length,
  editWindowSeconds: r.edit_window_seconds,
  reactionLabel: r.reaction_label,
  autoCloseDays: r.auto_close_days,
  allClosed: r.all_closed === 1,
  closedMessage: r.closed_message,
  allowedOrigins: JSON.parse(r.allowed_origins) as string[],
});

export function createStoriesRepository({ db }: { db: Kysely<Database> }) {
  // Settings are read on every post and change a few times a year: held for a
  // few seconds (other instances see a change within that time).
  const settingsCache = new Map<string, { at: number; value: CommentSettings }>();
  const authorCache = new Map<string, { at: number; value: string[] }>();
  const TTL = 10_000;
  const storyCache = new Map<string, { at: number; value: Story }>();
  const STORY_TTL = 5_000;
  return {
    async get(id: string): Promise<Story | undefined> {
      const r = await db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toStory(r);
    },

    /**
     * The story for a write path that needs only who it belongs to and
     * whether it is open: held a few seconds (closing a story clears it).
     */
    async getForPosting(id: string): Promise<Story | undefined> {
      const hit = storyCache.get(id);
      if (hit && Date.now() - hit.at < STORY_TTL) return hit.value;
      const value = await this.get(id);
      if (value) {
        if (storyCache.size > 20_000) storyCache.clear();
        storyCache.set(id, { at: Date.now(), value });
      }
      return value;
    },

    async getByKey(siteId: string, key: string): Promise<Story | undefined> {
      const r = await db
        .selectFrom('stories')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('key', '=', key)
        .executeTakeFirst();
      return r && toStory(r);
    },

    /** Creates the story unless it exists; either way returns the stored one (safe under races). */
    async ensure(s: {
      id: string;
      siteId: string;
      key: string;
      articleId: string | null;
      url: string;
      title: string;
      openedAt: string;
      createdAt: string;
    }): Promise<Story> {
      await db
        .insertInto('stories')
        .values({
          id: s.id,
          site_id: s.siteId,
          key: s.key,
          article_id: s.articleId,
          url: s.url,
          title: s.title,
          closed: 0,
          opened_at: s.openedAt,
          comment_count: 0,
          last_comment_at: null,
          created_at: s.createdAt,
        })
        .onConflict((oc) => oc.columns(['site_id', 'key']).doNothing())
        .execute();
      const story = await this.getByKey(s.siteId, s.key);
      if (!story) throw new Error('story vanished after insert');
      return story;
    },

    async setClosed(id: string, closed: boolean): Promise<void> {
      await db
        .updateTable('stories')
        .set({ closed: closed ? 1 : 0 })
        .where('id', '=', id)
        .execute();
      storyCache.delete(id);
    },

    /** An imported story titled by its address (an earlier import) takes the export's title. */
    async retitleUntitled(id: string, title: string, placeholders: string[]): Promise<void> {
      await db.updateTable('stories').set({ title }).where('id', '=', id).where('title', 'in', placeholders).execute();
      storyCache.delete(id);
    },

    async adjustCount(id: string, delta: number, at: string | null): Promise<void> {
      await db
        .updateTable('stories')
        .set((eb) => ({ comment_count: eb('comment_count', '+', delta), ...(at ? { last_comment_at: at } : {}) }))
        .where('id', '=', id)
        .execute();
    },

    /** Published comment counts for many stories at once (the counts script, front page lists). */
    async countsByKeys(siteId: string, keys: string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      if (keys.length === 0) return out;
      const rows = await db
        .selectFrom('stories')
        .select(['key', 'comment_count'])
        .where('site_id', '=', siteId)
        .where('key', 'in', keys)
        .execute();
      for (const r of rows) out.set(r.key, r.comment_count);
      return out;
    },

    async getSettings(siteId: string): Promise<CommentSettings> {
      const hit = settingsCache.get(siteId);
      if (hit && Date.now() - hit.at < TTL) return { ...hit.value, allowedOrigins: [...hit.value.allowedOrigins] };
      const r = await db.selectFrom('comment_settings').selectAll().where('site_id', '=', siteId).executeTakeFirst();
      const value = r ? toSettings(r) : defaultCommentSettings(siteId);
      settingsCache.set(siteId, { at: Date.now(), value });
      return { ...value, allowedOrigins: [...value.allowedOrigins] };
    },

    async saveSettings(s: CommentSettings): Promise<void> {
      const row = {
        max_length: s.maxLength,
        edit_window_seconds: s.editWindowSeconds,
        reaction_label: s.reactionLabel,
        auto_close_days: s.autoCloseDays,
        all_closed: s.allClosed ? 1 : 0,
        closed_message: s.closedMessage,
        allowed_origins: JSON.stringify(s.allowedOrigins),
      };
      await db
        .insertInto('comment_settings')
        .values({ site_id: s.siteId, ...row })
        .onConflict((oc) => oc.column('site_id').doUpdateSet(row))
        .execute();
      settingsCache.delete(s.siteId);
    },

    /** The journalist accounts of an article's authors, for the "author replied" highlight. */
    async articleAuthorUserIds(articleId: string): Promise<string[]> {
      const hit = authorCache.get(articleId);
      if (hit && Date.now() - hit.at < TTL) return hit.value;
      const rows = await db
        .selectFrom('article_authors as aa')
        .innerJoin('authors as au', 'au.id', 'aa.author_id')
        .select(sql<string | null>`au.user_id`.as('user_id'))
        .where('aa.article_id', '=', articleId)
        .execute();
      const value = rows.map((r) => r.user_id).filter((x): x is string => Boolean(x));
      if (authorCache.size > 10_000) authorCache.clear();
      authorCache.set(articleId, { at: Date.now(), value });
      return value;
    },
  };
}

export type StoriesRepository = ReturnType<typeof createStoriesRepository>;
