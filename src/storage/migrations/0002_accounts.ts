import { type Kysely, sql } from 'kysely';
import type { Engine } from '../engine.ts';

export function accounts(engine: Engine) {
  const ts = engine === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      // One person, one account per site, however they came in.
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('email', 'text')
        .addColumn('email_verified', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('avatar_url', 'text')
        .addColumn('badges', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('role', 'text', (c) =>
          c.notNull().defaultTo('reader').check(sql`role in ('reader', 'moderator', 'editor', 'admin')`),
        )
        .addColumn('status', 'text', (c) =>
          c.notNull().defaultTo('active').check(sql`status in ('active', 'suspended', 'banned')`),
        )
        .addColumn('sanction_until', ts)
        .addColumn('sanction_reason', 'text')
        .addColumn('name_changed_at', ts)
        .addColumn('deletion_requested_at', ts)
        .addColumn('deletion_mode', 'text', (c) => c.check(sql`deletion_mode in ('delete', 'anonymise')`))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('last_login_at', ts)
        .addUniqueConstraint('users_site_email', ['site_id', 'email'])
        .execute();

      // Ways in: publisher sign-on, an OpenID Connect provider. Password login is on users.
      await db.schema
        .createTable('identities')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('last_login_at', ts)
        .addUniqueConstraint('identities_site_provider_subject', ['site_id', 'provider', 'subject'])
        .execute();
      await db.schema.createIndex('identities_user').on('identities').column('user_id').execute();

      // Only a hash of the session id is stored: a leaked table opens no session.
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('public_id', 'text', (c) => c.notNull().unique())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('last_seen_at', ts, (c) => c.notNull())
        .addColumn('expires_at', ts, (c) => c.notNull())
        .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      // Single-use links sent by e-mail (verify, reset, change e-mail, link accounts).
      await db.schema
        .createTable('account_tokens')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('expires_at', ts, (c) => c.notNull())
        .addColumn('used_at', ts)
        .execute();

      // Failed logins per e-mail address (known or not, so that lockout reveals
      // nothing) and per network address; shared by every app instance.
      await db.schema
        .createTable('login_throttle')
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', ts)
        .addColumn('updated_at', ts, (c) => c.notNull())
        .addPrimaryKeyConstraint('login_throttle_pk', ['site_id', 'key'])
        .execute();

      await db.schema
        .createTable('sso_settings')
        .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
        .addColumn('algorithm', 'text', (c) => c.notNull().check(sql`algorithm in ('HS256', 'RS256', 'ES256')`))
        .addColumn('secret', 'text')
        .addColumn('public_key', 'text')
        .addColumn('jwks_url', 'text')
        .addColumn('issuer', 'text')
        .addColumn('audience', 'text', (c) => c.notNull())
        .addColumn('sign_on_only', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('login_url', 'text')
        .execute();

      // Sign-on token ids seen, until they expire: a token works once, on any instance.
      await db.schema
        .createTable('sso_used_tokens')
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('jti', 'text', (c) => c.notNull())
        .addColumn('expires_at', ts, (c) => c.notNull())
        .addPrimaryKeyConstraint('sso_used_tokens_pk', ['site_id', 'jti'])
        .execute();

      await db.schema
        .createTable('oidc_providers')
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('client_secret', 'text')
        .addColumn('scopes', 'text', (c) => c.notNull().defaultTo('openid email profile'))
        .addPrimaryKeyConstraint('oidc_providers_pk', ['site_id', 'name'])
        .execute();

      await db.schema
        .createTable('outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('text_body', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('sent_at', ts)
        .addColumn('error', 'text')
        .execute();
      await db.schema.createIndex('outbox_site_created').on('outbox').columns(['site_id', 'created_at']).execute();

      // Process-wide secrets (cookie signing), made once and shared by every instance.
      await db.schema
        .createTable('secrets')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      for (const t of [
        'secrets',
        'outbox',
        'oidc_providers',
        'sso_used_tokens',
        'sso_settings',
        'login_throttle',
        'account_tokens',
        'sessions',
        'identities',
        'users',
      ]) {
        await db.schema.dropTable(t).execute();
      }
    },
  };
}
