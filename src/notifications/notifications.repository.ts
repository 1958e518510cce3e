import type { Kysely } from 'kysely';
import { htmlToText } from '../comments/markdown.ts';
import type { Database, EmailMode } from '../storage/schema.ts';

export interface NotificationItem {
  id: string;
  kind: 'reply' | 'follow';
  actorName: string;
  commentId: string;
  storyId: string;
  storyTitle: string;
  storyUrl: string;
  excerpt: string;
  createdAt: string;
  read: boolean;
}

// Plain text, entities decoded: the bell shows it as text, mail escapes it for its HTML part.
function excerpt(html: string): string {
  return htmlToText(html.replace(/<[^>]+>/g, (tag) => `${tag} `)).slice(0, 160);
}

export function createNotificationsRepository({ db }: { db: Kysely<Database> }) {
  function items(userId: string) {
    return db
      .selectFrom('notifications as n')
      .innerJoin('stories as s', 's.id', 'n.story_id')
      .innerJoin('comments as c', 'c.id', 'n.comment_id')
      .select([
        'n.id',
        'n.kind',
        'n.actor_name',
        'n.comment_id',
        'n.story_id',
        's.title',
        's.url',
        'c.body_html',
        'c.status',
        'n.created_at',
        'n.read_at',
      ])
      .where('n.user_id', '=', userId);
  }
  type Row = Awaited<ReturnType<ReturnType<typeof items>['executeTakeFirstOrThrow']>>;
  const toItem = (r: Row): NotificationItem => ({
    id: r.id,
    kind: r.kind,
    actorName: r.actor_name,
    commentId: r.comment_id,
    storyId: r.story_id,
    storyTitle: r.title,
    storyUrl: r.url,
    // a comment removed since says nothing
    excerpt: r.status === 'published' ? excerpt(r.body_html) : '',
    createdAt: r.created_at,
    read: r.read_at !== null,
  });

  return {
    async insertMany(
      rows: {
        id: string;
        siteId: string;
        userId: string;
        kind: 'reply' | 'follow';
        commentId: string;
        storyId: string;
        actorName: string;
        createdAt: string;
      }[],
    ): Promise<void> {
      if (rows.length === 0) return;
      await db
        .insertInto('notifications')
        .values(
          rows.map((r) => ({
            id: r.id,
            site_id: r.siteId,
            user_id: r.userId,
            kind: r.kind,
            comment_id: r.commentId,
            story_id: r.storyId,
            actor_name: r.actorName,
            created_at: r.createdAt,
            read_at: null,
            emailed_at: null,
          })),
        )
        .execute();
    },

    async list(userId: string, limit: number): Promise<NotificationItem[]> {
      return (await items(userId).orderBy('n.created_at', 'desc').limit(limit).execute()).map(toItem);
    },

    async unreadCount(userId: string): Promise<number> {
      const r = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async markRead(userId: string, ids: string[] | null, at: string): Promise<void> {
      let q = db
        .updateTable('notifications')
        .set({ read_at: at })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null);
      if (ids) {
        if (ids.length === 0) return;
        q = q.where('id', 'in', ids);
      }
      await q.execute();
    },

    async unemailed(userId: string): Promise<NotificationItem[]> {
      const rows = await items(userId)
        .where('n.emailed_at', 'is', null)
        .where('n.read_at', 'is', null)
        .orderBy('n.created_at')
        .limit(200)
        .execute();
      return rows.filter((r) => r.status === 'published').map(toItem);
    },

    async markEmailed(ids: string[], at: string): Promise<void> {
      if (ids.length) await db.updateTable('notifications').set({ emailed_at: at }).where('id', 'in', ids).execute();
    },

    async settings(
      userId: string,
    ): Promise<{ emailMode: EmailMode; unsubscribeToken: string; lastDigestAt: string | null } | undefined> {
      const r = await db
        .selectFrom('notification_settings')
        .selectAll()
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return r && { emailMode: r.email_mode, unsubscribeToken: r.unsubscribe_token, lastDigestAt: r.last_digest_at };
    },

    async saveSettings(
      userId: string,
      s: { emailMode: EmailMode; unsubscribeToken: string; lastDigestAt: string | null },
    ): Promise<void> {
      const row = { email_mode: s.emailMode, unsubscribe_token: s.unsubscribeToken, last_digest_at: s.lastDigestAt };
      await db
        .insertInto('notification_settings')
        .values({ user_id: userId, ...row })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
        .execute();
    },

    async byUnsubscribeToken(token: string): Promise<string | undefined> {
      const r = await db
        .selectFrom('notification_settings')
        .select('user_id')
        .where('unsubscribe_token', '=', token)
        .executeTakeFirst();
      return r?.user_id;
    },

    /**
     * Takes a reader's digest for this period: true for one caller only, the one
     * whose compare-and-set moved the last digest's time from what it read.
     */
    async claimDigest(userId: string, lastDigestAt: string | null, at: string): Promise<boolean> {
      const r = await db
        .updateTable('notification_settings')
        .set({ last_digest_at: at })
        .where('user_id', '=', userId)
        .where('last_digest_at', lastDigestAt === null ? 'is' : '=', lastDigestAt)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Readers with a digest setting and mail waiting. */
    async digestCandidates(mode: 'hourly' | 'daily'): Promise<{ userId: string; lastDigestAt: string | null }[]> {
      const rows = await db
        .selectFrom('notification_settings as ns')
        .select(['ns.user_id', 'ns.last_digest_at'])
        .where('ns.email_mode', '=', mode)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('notifications as n')
              .select('n.id')
              .whereRef('n.user_id', '=', 'ns.user_id')
              .where('n.emailed_at', 'is', null)
              .where('n.read_at', 'is', null),
          ),
        )
        .execute();
      return rows.map((r) => ({ userId: r.user_id, lastDigestAt: r.last_digest_at }));
    },

    async follow(userId: string, storyId: string, on: boolean, at: string): Promise<void> {
      if (on)
        await db
          .insertInto('follows')
          .values({ user_id: userId, story_id: storyId, created_at: at })
          .onConflict((oc) => oc.columns(['user_id', 'story_id']).doNothing())
          .execute();
      else await db.deleteFrom('follows').where('user_id', '=', userId).where('story_id', '=', storyId).execute();
    },

    async isFollowing(userId: string, storyId: string): Promise<boolean> {
      return Boolean(
        await db
          .selectFrom('follows')
          .select('user_id')
          .where('user_id', '=', userId)
          .where('story_id', '=', storyId)
          .executeTakeFirst(),
      );
    },

    async followers(storyId: string): Promise<string[]> {
      return (await db.selectFrom('follows').select('user_id').where('story_id', '=', storyId).execute()).map(
        (r) => r.user_id,
      );
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
