import { createHash } from 'node:crypto';
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import type { ExternalProfile } from '../accounts/external.usecases.ts';
import { hmac, randomToken, safeEqual } from '../shared/crypto.ts';
import { AppError } from '../shared/errors.ts';
import { ssoErrors as E } from './sso.errors.ts';
import type { OidcProvider, SsoRepository } from './sso.repository.ts';

// OpenID Connect, authorization code flow with PKCE (S256), for sites whose
// readers already have an identity provider. Social logins are the same flow
// with another provider's issuer and client.

interface Metadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
}

interface FlowState {
  provider: string;
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  expires: number;
}

const FLOW_TTL_MS = 10 * 60_000;

export function createOidcUsecases(deps: {
  sso: SsoRepository;
  secret: string;
  now: () => Date;
  fetch?: typeof fetch;
}) {
  const fetcher = deps.fetch ?? fetch;
  const metadata = new Map<string, { at: number; meta: Metadata }>();
  const jwks = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  async function discover(issuer: string): Promise<Metadata> {
    const cached = metadata.get(issuer);
    if (cached && Date.now() - cached.at < 3_600_000) return cached.meta;
    const res = await fetcher(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
    if (!res.ok)
      throw new AppError(E.OIDC_FAILED, `The sign-in provider's configuration could not be read (HTTP ${res.status}).`);
    const meta = (await res.json()) as Metadata;
    if (meta.issuer !== issuer)
      throw new AppError(E.OIDC_FAILED, 'The sign-in provider names a different issuer than the one configured.');
    metadata.set(issuer, { at: Date.now(), meta });
    return meta;
  }

  async function provider(siteId: string, name: string): Promise<OidcProvider> {
    const p = await deps.sso.getProvider(siteId, name);
    if (!p) throw new AppError(E.OIDC_PROVIDER_NOT_FOUND);
    return p;
  }

  // The flow's secrets travel in a signed cookie, so any instance can finish what another began.
  function seal(state: FlowState): string {
    const body = Buffer.from(JSON.stringify(state)).toString('base64url');
    return `${body}.${hmac(deps.secret, `oidc:${body}`)}`;
  }

  function unseal(cookie: string | undefined): FlowState | undefined {
    if (!cookie) return undefined;
    const [body, sig] = cookie.split('.');
    if (!body || !sig || !safeEqual(sig, hmac(deps.secret, `oidc:${body}`))) return undefined;
    try {
      const s = JSON.parse(Buffer.from(body, 'base64url').toString()) as FlowState;
      return s.expires > deps.now().getTime() ? s : undefined;
    } catch {
      return undefined;
    }
  }

  return {
    listProviders: (siteId: string) => deps.sso.listProviders(siteId),

    async start(
      siteId: string,
      name: string,
      redirectUri: string,
      returnTo: string,
    ): Promise<{ url: string; cookie: string }> {
      const p = await provider(siteId, name);
      const meta = await discover(p.issuer);
      const state: FlowState = {
        provider: name,
        state: randomToken(16),
        nonce: randomToken(16),
        verifier: randomToken(32),
        returnTo,
        expires: deps.now().getTime() + FLOW_TTL_MS,
      };
      const url = new URL(meta.authorization_endpoint);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: p.clientId,
        redirect_uri: redirectUri,
        scope: p.scopes,
        state: state.state,
        nonce: state.nonce,
        code_challenge: createHash('sha256').update(state.verifier).digest('base64url'),
        code_challenge_method: 'S256',
      }).toString();
      return { url: url.toString(), cookie: seal(state) };
    },

    async finish(
      siteId: string,
      name: string,
      query: { code?: string; state?: string; error?: string },
      cookie: string | undefined,
      redirectUri: string,
    ): Promise<{ profile: ExternalProfile; returnTo: string }> {
      const flow = unseal(cookie);
      if (!flow || flow.provider !== name || !query.state || !safeEqual(flow.state, query.state))
        throw new AppError(E.OIDC_STATE_INVALID);
      if (query.error || !query.code)
        throw new AppError(E.OIDC_FAILED, `The sign-in provider answered: ${query.error ?? 'no code'}.`);
      const p = await provider(siteId, name);
      const meta = await discover(p.issuer);
      const body = new URLSearchParams({
        grant_type: 'authorization_code',
        code: query.code,
        redirect_uri: redirectUri,
        code_verifier: flow.verifier,
        client_id: p.clientId,
      });
      const headers: Record<string, string> = {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      };
      if (p.clientSecret)
        headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(p.clientId)}:${encodeURIComponent(p.clientSecret)}`).toString('base64')}`;
      const res = await fetcher(meta.token_endpoint, { method: 'POST', headers, body });
      if (!res.ok) throw new AppError(E.OIDC_FAILED, `The sign-in provider refused the code (HTTP ${res.status}).`);
      const tokens = (await res.json()) as { id_token?: string; access_token?: string };
      if (!tokens.id_token) throw new AppError(E.OIDC_FAILED, 'The sign-in provider sent no ID token.');
      const keySet = jwks.get(meta.jwks_uri) ?? createRemoteJWKSet(new URL(meta.jwks_uri));
      jwks.set(meta.jwks_uri, keySet);
      let claims: JWTPayload;
      try {
        ({ payload: claims } = await jwtVerify(tokens.id_token, keySet, {
          issuer: meta.issuer,
          audience: p.clientId,
          currentDate: deps.now(),
          clockTolerance: 60,
        }));
      } catch (err) {
        throw new AppError(E.OIDC_FAILED, `The ID token did not verify: ${(err as Error).message}`);
      }
      const subject = claims.sub;
      if (claims.nonce !== flow.nonce || typeof subject !== 'string')
        throw new AppError(E.OIDC_FAILED, 'The ID token does not belong to this sign-in.');
      // Providers may keep profile claims out of the ID token (as the spec
      // allows when an access token is issued): then ask the userinfo endpoint.
      if ((claims.email === undefined || claims.name === undefined) && meta.userinfo_endpoint && tokens.access_token) {
        const info = await fetcher(meta.userinfo_endpoint, {
          headers: { authorization: `Bearer ${tokens.access_token}`, accept: 'application/json' },
        });
        if (info.ok) {
          const extra = (await info.json()) as Record<string, unknown>;
          // Userinfo about anyone else is ignored (OIDC Core 5.3.2).
          if (extra.sub === claims.sub)
            claims = {
              ...extra,
              ...claims,
              email: claims.email ?? extra.email,
              email_verified: claims.email_verified ?? extra.email_verified,
              name: claims.name ?? extra.name,
            };
        }
      }
      const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
      return {
        returnTo: flow.returnTo,
        profile: {
          provider: `oidc:${name}`,
          subject,
          email,
          emailVerified: claims.email_verified === true,
          name:
            typeof claims.name === 'string'
              ? claims.name
              : typeof claims.preferred_username === 'string'
                ? claims.preferred_username
                : null,
          avatarUrl: typeof claims.picture === 'string' ? claims.picture : null,
          badges: [],
        },
      };
    },
  };
}

export type OidcUsecases = ReturnType<typeof createOidcUsecases>;
