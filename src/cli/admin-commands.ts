import { readFileSync } from 'node:fs';
import { passwordProblem } from '../accounts/passwords.ts';
import { normaliseDisplayName, normaliseEmail } from '../accounts/validation.ts';
import type { Services } from '../core/services.ts';
import { readPolicy } from '../guidelines/guidelines.usecases.ts';
import { exportComments } from '../imports/export.usecases.ts';
import { accountMaintenance } from '../jobs/jobs.ts';
import { randomToken } from '../shared/crypto.ts';
import { newId } from '../shared/ids.ts';
import type { Role } from '../storage/schema.ts';
import { guidelinesCommand } from './guidelines.ts';
import { report } from './help.ts';
import { importCommand } from './import.ts';
import { moderateCommand } from './moderate.ts';

type Values = Record<string, string | boolean | undefined>;

function need(values: Values, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new Error(`--${name} is required`);
  return v;
}

export async function adminCommand(command: string, values: Values, services: Services): Promise<number> {
  const { config, usersRepository: users, now, ssoRepository: sso } = services;
  const siteId = typeof values.site === 'string' ? values.site : config.defaultSiteId;
  if (command !== 'maintenance' && !(await services.sitesRepository.get(siteId))) {
    throw new Error(`there is no site "${siteId}" (run "parley seed-demo" for the demo site, or pass --site)`);
  }

  if (command === 'import') {
    const site = (await services.sitesRepository.get(siteId))!;
    return importCommand(
      {
        format: values.format as string | undefined,
        file: values.file as string | undefined,
        site,
        dryRun: values['dry-run'] === true,
        urlMap: values['url-map'] as string | undefined,
        json: values.json === true,
      },
      services,
    );
  }

  if (command === 'export') {
    const format = values.format;
    if (format !== 'jsonl' && format !== 'disqus') throw new Error('--format must be jsonl or disqus');
    const site = (await services.sitesRepository.get(siteId))!;
    await exportComments(services, { site, format, out: process.stdout });
    return 0;
  }

  if (command.startsWith('guidelines ')) {
    const argument = typeof values.format === 'string' ? values.format : undefined;
    return guidelinesCommand(services, {
      action: command.slice('guidelines '.length),
      argument,
      siteId,
      json: values.json === true,
    });
  }

  if (command === 'moderate') {
    // The site's saved policy, exactly as posting applies it (author-history checks aside: no author here).
    const { policy } = await readPolicy(services, siteId);
    return moderateCommand({ policy });
  }

  if (command === 'user create') {
    const email = normaliseEmail(need(values, 'email'));
    if (!email) throw new Error('--email is not an e-mail address');
    const name = normaliseDisplayName(need(values, 'name'));
    if (!name) throw new Error('--name needs 2 to 50 characters');
    const role = (typeof values.role === 'string' ? values.role : 'reader') as Role;
    if (!['reader', 'moderator', 'editor', 'admin'].includes(role))
      throw new Error('--role must be reader, moderator, editor or admin');
    const generated = typeof values.password !== 'string';
    const password = generated ? randomToken(15) : (values.password as string);
    const problem = passwordProblem(password, { email });
    if (problem) throw new Error(`--password: ${problem}`);
    if (await users.getByEmail(siteId, email)) throw new Error(`${email} already has an account on ${siteId}`);
    await users.insert({
      id: newId(),
      siteId,
      email,
      emailVerified: true,
      displayName: name,
      passwordHash: await services.passwords.hash(password),
      role,
      createdAt: now().toISOString(),
    });
    const shown = generated ? `\npassword (shown once, change it after logging in): ${password}` : '';
    report(values.json, `created ${role} ${email} on site ${siteId}${shown}`, {
      email,
      role,
      siteId,
      ...(generated ? { password } : {}),
    });
    return 0;
  }

  if (command === 'sso configure') {
    const algorithm = need(values, 'algorithm');
    if (algorithm !== 'HS256' && algorithm !== 'RS256' && algorithm !== 'ES256')
      throw new Error('--algorithm must be HS256, RS256 or ES256');
    const secret = typeof values.secret === 'string' ? values.secret : null;
    const publicKey =
      typeof values['public-key-file'] === 'string' ? readFileSync(values['public-key-file'], 'utf8') : null;
    const jwksUrl = typeof values['jwks-url'] === 'string' ? values['jwks-url'] : null;
    if (algorithm === 'HS256' && (!secret || secret.length < 32))
      throw new Error('HS256 needs --secret of at least 32 characters');
    if (algorithm !== 'HS256' && !publicKey && !jwksUrl)
      throw new Error(`${algorithm} needs --public-key-file or --jwks-url`);
    const audience = typeof values.audience === 'string' ? values.audience : `parley:${siteId}`;
    await sso.saveSettings({
      siteId,
      algorithm,
      secret,
      publicKey,
      jwksUrl,
      issuer: typeof values.issuer === 'string' ? values.issuer : null,
      audience,
      signOnOnly: values['sign-on-only'] === true,
      loginUrl: typeof values['login-url'] === 'string' ? values['login-url'] : null,
    });
    console.log(
      `publisher sign-on for ${siteId}: ${algorithm}, audience "${audience}"${values['sign-on-only'] ? ', sign-on only' : ''}`,
    );
    return 0;
  }

  if (command === 'oidc add') {
    const name = need(values, 'name');
    if (!/^[a-z0-9-]{1,40}$/.test(name)) throw new Error('--name must be lower-case letters, digits and hyphens');
    await sso.saveProvider({
      siteId,
      name,
      label: typeof values.label === 'string' ? values.label : name,
      issuer: need(values, 'issuer'),
      clientId: need(values, 'client-id'),
      clientSecret: typeof values['client-secret'] === 'string' ? values['client-secret'] : null,
      scopes: 'openid email profile',
    });
    console.log(
      `OpenID Connect provider "${name}" saved for ${siteId}; its redirect URI is <site URL>/account/oidc/${name}/callback`,
    );
    return 0;
  }

  if (command === 'comments configure') {
    const { storiesRepository: stories } = services;
    const s = await stories.getSettings(siteId);
    const num = (name: string, min: number, max: number): number | undefined => {
      const v = values[name];
      if (typeof v !== 'string') return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max)
        throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
      return n;
    };
    if (typeof values['allowed-origins'] === 'string') {
      s.allowedOrigins = values['allowed-origins']
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean)
        .map((o) => {
          const u = new URL(o);
          if (u.origin !== o.replace(/\/+$/, ''))
            throw new Error(`--allowed-origins: "${o}" is not an origin (scheme://host[:port])`);
          return u.origin;
        });
    }
    s.maxLength = num('max-length', 50, 20_000) ?? s.maxLength;
    const edit = num('edit-minutes', 0, 1440);
    if (edit !== undefined) s.editWindowSeconds = edit * 60;
    if (typeof values['reaction-label'] === 'string') s.reactionLabel = values['reaction-label'].slice(0, 30);
    const close = num('auto-close-days', 0, 3650);
    if (close !== undefined) s.autoCloseDays = close === 0 ? null : close;
    if (values['close-all']) s.allClosed = true;
    if (values['open-all']) s.allClosed = false;
    await stories.saveSettings(s);
    console.log(JSON.stringify(s, null, 2));
    return 0;
  }

  // maintenance: the same job the server runs every hour
  const result = await accountMaintenance(services);
  report(
    values.json,
    `deleted ${result.deletedAccounts} account(s), forgot ${result.expiredSessions} expired session(s)`,
    result,
  );
  return 0;
}
