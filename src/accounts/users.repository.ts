import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, Role, UserStatus, UsersTable } from '../storage/schema.ts';

export interface User {
  id: string;
  siteId: string;
  email: string | null;
  emailVerified: boolean;
  displayName: string;
  passwordHash: string | null;
  avatarUrl: string | null;
  badges: string[];
  role: Role;
  status: UserStatus;
  sanctionUntil: string | null;
  sanctionReason: string | null;
  /** when the last sanction was given: recently sanctioned authors may be held for review */
  sanctionedAt: string | null;
  /** a moderator's warning the reader has not acknowledged yet */
  warning: string | null;
  /** a moderator trusts this author (no pre-moderation) */
  trusted: boolean;
  nameChangedAt: string | null;
  deletionRequestedAt: string | null;
  deletionMode: 'delete' | 'anonymise' | null;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface Identity {
  id: string;
  siteId: string;
  userId: string;
  provider: string;
  subject: string;
  email: string | null;
  createdAt: string;
  lastLoginAt: string | null;
}

function toUser(r: Selectable<UsersTable>): User {
  let badges: string[] = [];
  try {
    const parsed: unknown = JSON.parse(r.badges);
    if (Array.isArray(parsed)) badges = parsed.filter((b): b is string => typeof b === 'string');
  } catch {
    // a damaged badge list shows no badges rather than breaking the account
  }
  return {
    id: r.id,
    siteId: r.site_id,
    email: r.email,
    emailVerified: r.email_verified === 1,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    avatarUrl: r.avatar_url,
    badges,
    role: r.role,
    status: r.status,
    sanctionUntil: r.sanction_until,
    sanctionReason: r.sanction_reason,
    sanctionedAt: r.sanctioned_at ?? null,
    warning: r.warning ?? null,
    trusted: r.trusted === 1,
    nameChangedAt: r.name_changed_at,
    deletionRequestedAt: r.deletion_requested_at,
    deletionMode: r.deletion_mode,
    createdAt: r.created_at,
    lastLoginAt: r.last_login_at,
  };
}

export type UserChanges = Partial<Omit<User, 'id' | 'siteId' | 'createdAt'>>;

function toRow(c: UserChanges) {
  const row: Partial<Selectable<UsersTable>> = {};
  if (c.email !== undefined) row.email = c.email;
  if (c.emailVerified !== undefined) row.email_verified = c.emailVerified ? 1 : 0;
  if (c.displayName !== undefined) row.display_name = c.displayName;
  if (c.passwordHash !== undefined) row.password_hash = c.passwordHash;
  if (c.avatarUrl !== undefined) row.avatar_url = c.avatarUrl;
  if (c.badges !== undefined) row.badges = JSON.stringify(c.badges);
  if (c.role !== undefined) row.role = c.role;
  if (c.status !== undefined) row.status = c.status;
  if (c.sanctionUntil !== undefined) row.sanction_until = c.sanctionUntil;
  if (c.sanctionReason !== undefined) row.sanction_reason = c.sanctionReason;
  if (c.sanctionedAt !== undefined) row.sanctioned_at = c.sanctionedAt;
  if (c.warning !== undefined) row.warning = c.warning;
  if (c.trusted !== undefined) row.trusted = c.trusted ? 1 : 0;
  if (c.nameChangedAt !== undefined) row.name_changed_at = c.nameChangedAt;
  if (c.deletionRequestedAt !== undefined) row.deletion_requested_at = c.deletionRequestedAt;
  if (c.deletionMode !== undefined) row.deletion_mode = c.deletionMode;
  if (c.lastLoginAt !== undefined) row.last_login_at = c.lastLoginAt;
  return row;
}

export function createUsersRepository({ db }: { db: Kysely<Database> }) {
  return {
    async insert(u: {
      id: string;
      siteId: string;
      email: string | null;
      emailVerified: boolean;
      displayName: string;
      passwordHash: string | null;
      role?: Role;
      badges?: string[];
      avatarUrl?: string | null;
      createdAt: string;
    }): Promise<void> {
      await db
        .insertInto('users')
        .values({
          id: u.id,
          site_id: u.siteId,
          email: u.email,
          email_verified: u.emailVerified ? 1 : 0,
          display_name: u.displayName,
          password_hash: u.passwordHash,
          avatar_url: u.avatarUrl ?? null,
          badges: JSON.stringify(u.badges ?? []),
          role: u.role ?? 'reader',
          status: 'active',
          sanction_until: null,
          sanction_reason: null,
          name_changed_at: null,
          deletion_requested_at: null,
          deletion_mode: null,
          created_at: u.createdAt,
          last_login_at: null,
        })
        .execute();
    },

    async get(id: string): Promise<User | undefined> {
      const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toUser(r);
    },

    async getByEmail(siteId: string, email: string): Promise<User | undefined> {
      const r = await db
        .selectFrom('users')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('email', '=', email)
        .executeTakeFirst();
      return r && toUser(r);
    },

    async update(id: string, changes: UserChanges): Promise<void> {
      const row = toRow(changes);
      if (Object.keys(row).length === 0) return;
      await db.updateTable('users').set(row).where('id', '=', id).execute();
    },

    async delete(id: string): Promise<void> {
      await db.deleteFrom('users').where('id', '=', id).execute();
    },

    async list(q: { siteId: string; search?: string; role?: Role; limit: number; offset: number }): Promise<User[]> {
      let query = db.selectFrom('users').selectAll().where('site_id', '=', q.siteId);
      if (q.role) query = query.where('role', '=', q.role);
      if (q.search) {
        const like = `%${q.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        // An explicit ESCAPE: SQLite has no default escape character, PostgreSQL's is the backslash.
        query = query.where((eb) =>
          eb.or([
            sql<boolean>`lower(display_name) like ${like} escape '\\'`,
            sql<boolean>`email like ${like} escape '\\'`,
          ]),
        );
      }
      const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute();
      return rows.map(toUser);
    },

    async dueForDeletion(before: string, limit: number): Promise<User[]> {
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .where('deletion_requested_at', '<=', before)
        .limit(limit)
        .execute();
      return rows.map(toUser);
    },

    async insertIdentity(i: Identity): Promise<void> {
      await db
        .insertInto('identities')
        .values({
          id: i.id,
          site_id: i.siteId,
          user_id: i.userId,
          provider: i.provider,
          subject: i.subject,
          email: i.email,
          created_at: i.createdAt,
          last_login_at: i.lastLoginAt,
        })
        .execute();
    },

    async findIdentity(siteId: string, provider: string, subject: string): Promise<Identity | undefined> {
      const r = await db
        .selectFrom('identities')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('provider', '=', provider)
        .where('subject', '=', subject)
        .executeTakeFirst();
      return (
        r && {
          id: r.id,
          siteId: r.site_id,
          userId: r.user_id,
          provider: r.provider,
          subject: r.subject,
          email: r.email,
          createdAt: r.created_at,
          lastLoginAt: r.last_login_at,
        }
      );
    },

    async listIdentities(userId: string): Promise<Identity[]> {
      const rows = await db
        .selectFrom('identities')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        siteId: r.site_id,
        userId: r.user_id,
        provider: r.provider,
        subject: r.subject,
        email: r.email,
        createdAt: r.created_at,
        lastLoginAt: r.last_login_at,
      }));
    },

    async touchIdentity(id: string, at: string, email: string | null): Promise<void> {
      await db.updateTable('identities').set({ last_login_at: at, email }).where('id', '=', id).execute();
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
