import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/schema.ts';

// An author as the moderators see them: their comments, their record, their
// other accounts, and the moderators' notes on them (moderator_notes is ours).

export function createAuthorsRepository({ db }: { db: Kysely<Database> }) {
  return {
    async pendingOf(siteId: string, authorId: string): Promise<{ id: string; version: number }[]> {
      const rows = await db
        .selectFrom('comments')
        .select(['id', 'version'])
        .where('site_id', '=', siteId)
        .where('author_id', '=', authorId)
        .where('status', '=', 'pending')
        .execute();
      return rows.map((r) => ({ id: r.id, version: Number(r.version ?? 0) }));
    },

    async authorComments(siteId: string, authorId: string, limit: number) {
      return db
        .selectFrom('comments as c')
        .innerJoin('stories as s', 's.id', 'c.story_id')
        .select([
          'c.id',
          'c.body',
          'c.status',
          'c.status_reason',
          'c.created_at',
          's.title as story_title',
          sql<number>`(select count(*) from reports r where r.comment_id = c.id)`.as('reports'),
        ])
        .where('c.site_id', '=', siteId)
        .where('c.author_id', '=', authorId)
        .orderBy('c.created_at', 'desc')
        .limit(limit)
        .execute();
    },

    async authorCounts(siteId: string, authorId: string): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom('comments')
        .select(['status', sql<number>`count(*)`.as('n')])
        .where('site_id', '=', siteId)
        .where('author_id', '=', authorId)
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },

    /** Other accounts of the site with the same e-mail address or the same sign-on subject. */
    async linkedAccounts(siteId: string, userId: string): Promise<{ id: string; displayName: string; via: string }[]> {
      const me = await db.selectFrom('users').select(['email']).where('id', '=', userId).executeTakeFirst();
      const out: { id: string; displayName: string; via: string }[] = [];
      if (me?.email) {
        const local = me.email.toLowerCase().replace(/\+[^@]*@/, '@');
        const rows = await db
          .selectFrom('users')
          .select(['id', 'display_name', 'email'])
          .where('site_id', '=', siteId)
          .where('id', '!=', userId)
          .where('email', 'is not', null)
          .execute();
        for (const r of rows)
          if (r.email && r.email.toLowerCase().replace(/\+[^@]*@/, '@') === local)
            out.push({ id: r.id, displayName: r.display_name, via: 'the same e-mail address' });
      }
      const subjects = await db
        .selectFrom('identities')
        .select(['subject', 'provider'])
        .where('user_id', '=', userId)
        .execute();
      if (subjects.length) {
        const rows = await db
          .selectFrom('identities as i')
          .innerJoin('users as u', 'u.id', 'i.user_id')
          .select(['u.id', 'u.display_name', 'i.provider'])
          .where('u.site_id', '=', siteId)
          .where('i.user_id', '!=', userId)
          .where(
            'i.subject',
            'in',
            subjects.map((s) => s.subject),
          )
          .execute();
        for (const r of rows)
          out.push({ id: r.id, displayName: r.display_name, via: `the same ${r.provider} sign-on id` });
      }
      return out;
    },

    async notes(siteId: string, userId: string) {
      return db
        .selectFrom('moderator_notes')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .limit(100)
        .execute();
    },

    async addNote(n: {
      id: string;
      siteId: string;
      userId: string;
      authorId: string;
      authorName: string;
      note: string;
      at: string;
    }): Promise<void> {
      await db
        .insertInto('moderator_notes')
        .values({
          id: n.id,
          site_id: n.siteId,
          user_id: n.userId,
          author_id: n.authorId,
          author_name: n.authorName,
          note: n.note,
          created_at: n.at,
        })
        .execute();
    },
  };
}
