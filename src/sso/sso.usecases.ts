import { createRemoteJWKSet, errors, importSPKI, type JWTPayload, jwtVerify } from 'jose';
import type { ExternalProfile } from '../accounts/external.usecases.ts';
import { AppError } from '../shared/errors.ts';
import { ssoErrors as E } from './sso.errors.ts';
import type { SsoRepository, SsoSettings } from './sso.repository.ts';

// A sign-on token older than this is refused even if its exp is later: a
// token copied out of an old page should not keep working for days.
const MAX_TOKEN_AGE = '24h';
const CLOCK_TOLERANCE_S = 60;

type Key = Parameters<typeof jwtVerify>[1];

export function createSsoUsecases(deps: { sso: SsoRepository; now: () => Date }) {
  const keys = new Map<string, { fingerprint: string; key: Key }>();

  async function keyFor(s: SsoSettings): Promise<Key> {
    const fingerprint = `${s.algorithm}|${s.secret}|${s.publicKey}|${s.jwksUrl}`;
    const cached = keys.get(s.siteId);
    if (cached?.fingerprint === fingerprint) return cached.key;
    let key: Key;
    if (s.algorithm === 'HS256') {
      if (!s.secret) throw new AppError(E.SSO_NOT_CONFIGURED, 'Sign-on is set to HS256 but has no shared secret.');
      key = new TextEncoder().encode(s.secret);
    } else if (s.jwksUrl) {
      key = createRemoteJWKSet(new URL(s.jwksUrl)) as unknown as Key;
    } else if (s.publicKey) {
      key = await importSPKI(s.publicKey, s.algorithm);
    } else {
      throw new AppError(
        E.SSO_NOT_CONFIGURED,
        `Sign-on is set to ${s.algorithm} but has neither a public key nor a JWKS URL.`,
      );
    }
    keys.set(s.siteId, { fingerprint, key });
    return key;
  }

  function explain(err: unknown): AppError {
    if (err instanceof AppError) return err;
    if (err instanceof errors.JWTExpired) return new AppError(E.SSO_TOKEN_EXPIRED);
    if (err instanceof errors.JWTClaimValidationFailed) {
      if (err.claim === 'aud') return new AppError(E.SSO_TOKEN_WRONG_AUDIENCE);
      if (err.claim === 'iss') return new AppError(E.SSO_TOKEN_WRONG_ISSUER);
      if ((err.claim === 'iat' || err.claim === 'nbf') && err.reason === 'check_failed')
        return new AppError(E.SSO_TOKEN_NOT_YET_VALID);
      return new AppError(E.SSO_TOKEN_MALFORMED, `${E.SSO_TOKEN_MALFORMED.message} (${err.message})`);
    }
    if (
      err instanceof errors.JWSSignatureVerificationFailed ||
      err instanceof errors.JOSEAlgNotAllowed ||
      err instanceof errors.JWKSNoMatchingKey
    ) {
      return new AppError(E.SSO_TOKEN_BAD_SIGNATURE);
    }
    return new AppError(E.SSO_TOKEN_MALFORMED);
  }

  function stringClaim(p: JWTPayload, name: string): string | undefined {
    const v = p[name];
    return typeof v === 'string' && v.length > 0 ? v : undefined;
  }

  return {
    /** Checks a publisher's token completely, and uses it up. */
    async verify(siteId: string, token: string, options: { consume?: boolean } = {}): Promise<ExternalProfile> {
      const settings = await deps.sso.getSettings(siteId);
      if (!settings) throw new AppError(E.SSO_NOT_CONFIGURED);
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, await keyFor(settings), {
          algorithms: [settings.algorithm],
          audience: settings.audience,
          ...(settings.issuer ? { issuer: settings.issuer } : {}),
          requiredClaims: ['sub', 'exp', 'iat', 'jti'],
          maxTokenAge: MAX_TOKEN_AGE,
          clockTolerance: CLOCK_TOLERANCE_S,
          currentDate: deps.now(),
        }));
      } catch (err) {
        throw explain(err);
      }
      const sub = stringClaim(payload, 'sub');
      const jti = stringClaim(payload, 'jti');
      if (!sub || !jti || sub.length > 255 || jti.length > 255) throw new AppError(E.SSO_TOKEN_MALFORMED);
      const expiresAt = new Date(((payload.exp ?? 0) + CLOCK_TOLERANCE_S) * 1000).toISOString();
      // Checking without using up lets a confirmation page show whose token it is.
      if (options.consume !== false && !(await deps.sso.useTokenId(siteId, jti, expiresAt)))
        throw new AppError(E.SSO_TOKEN_REPLAYED);

      const list = (v: unknown) =>
        Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length <= 40).slice(0, 10) : [];
      const email = stringClaim(payload, 'email');
      return {
        provider: 'sso',
        subject: sub,
        email: email?.toLowerCase() ?? null,
        emailVerified: payload.email_verified === true,
        name: stringClaim(payload, 'name') ?? null,
        avatarUrl: stringClaim(payload, 'avatar') ?? stringClaim(payload, 'picture') ?? null,
        // Badges are labels shown beside a name; they never grant Parley roles.
        badges: [...new Set([...list(payload.badges), ...list(payload.roles)])],
      };
    },
  };
}

export type SsoUsecases = ReturnType<typeof createSsoUsecases>;
