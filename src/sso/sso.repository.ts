import type { Kysely } from 'kysely';
import type { Database, OidcProvidersTable, SsoSettingsTable } from '../storage/schema.ts';

export interface SsoSettings {
  siteId: string;
  algorithm: SsoSettingsTable['algorithm'];
  secret: string | null;
  publicKey: string | null;
  jwksUrl: string | null;
  issuer: string | null;
  audience: string;
  signOnOnly: boolean;
  loginUrl: string | null;
}

export interface OidcProvider {
  siteId: string;
  name: string;
  label: string;
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  scopes: string;
}

const toProvider = (r: OidcProvidersTable): OidcProvider => ({
  siteId: r.site_id,
  name: r.name,
  label: r.label,
  issuer: r.issuer,
  clientId: r.client_id,
  clientSecret: r.client_secret,
  scopes: r.scopes,
});

export function createSsoRepository({ db }: { db: Kysely<Database> }) {
  return {
    async getSettings(siteId: string): Promise<SsoSettings | undefined> {
      const r = await db.selectFrom('sso_settings').selectAll().where('site_id', '=', siteId).executeTakeFirst();
      return (
        r && {
          siteId: r.site_id,
          algorithm: r.algorithm,
          secret: r.secret,
          publicKey: r.public_key,
          jwksUrl: r.jwks_url,
          issuer: r.issuer,
          audience: r.audience,
          signOnOnly: r.sign_on_only === 1,
          loginUrl: r.login_url,
        }
      );
    },

    async saveSettings(s: SsoSettings): Promise<void> {
      const row = {
        algorithm: s.algorithm,
        secret: s.secret,
        public_key: s.publicKey,
        jwks_url: s.jwksUrl,
        issuer: s.issuer,
        audience: s.audience,
        sign_on_only: s.signOnOnly ? 1 : 0,
        login_url: s.loginUrl,
      };
      await db
        .insertInto('sso_settings')
        .values({ site_id: s.siteId, ...row })
        .onConflict((oc) => oc.column('site_id').doUpdateSet(row))
        .execute();
    },

    /** Records a token id; false when it was seen before (a replay). */
    async useTokenId(siteId: string, jti: string, expiresAt: string): Promise<boolean> {
      const r = await db
        .insertInto('sso_used_tokens')
        .values({ site_id: siteId, jti, expires_at: expiresAt })
        .onConflict((oc) => oc.columns(['site_id', 'jti']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    async forgetExpiredTokenIds(now: string): Promise<void> {
      await db.deleteFrom('sso_used_tokens').where('expires_at', '<', now).execute();
    },

    async listProviders(siteId: string): Promise<OidcProvider[]> {
      const rows = await db
        .selectFrom('oidc_providers')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('label')
        .execute();
      return rows.map(toProvider);
    },

    async getProvider(siteId: string, name: string): Promise<OidcProvider | undefined> {
      const r = await db
        .selectFrom('oidc_providers')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('name', '=', name)
        .executeTakeFirst();
      return r && toProvider(r);
    },

    async saveProvider(p: OidcProvider): Promise<void> {
      const row = {
        label: p.label,
        issuer: p.issuer,
        client_id: p.clientId,
        client_secret: p.clientSecret,
        scopes: p.scopes,
      };
      await db
        .insertInto('oidc_providers')
        .values({ site_id: p.siteId, name: p.name, ...row })
        .onConflict((oc) => oc.columns(['site_id', 'name']).doUpdateSet(row))
        .execute();
    },
  };
}

export type SsoRepository = ReturnType<typeof createSsoRepository>;
