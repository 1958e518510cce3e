import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Services } from '../core/services.ts';
import { randomToken } from '../shared/crypto.ts';
import { newId } from '../shared/ids.ts';
import type { Role } from '../storage/schema.ts';
import { demoSite } from './content.ts';

// The demo's staff: an admin, an editor and a moderator, so that a first start
// can be tried in every role. Their passwords are made at random on the first
// start (never the same on two installs) and kept beside the embedded database,
// readable by its owner alone, so that every start can say how to sign in.

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

const STAFF: { role: Role; name: string; email: string }[] = [
  { role: 'admin', name: 'Asha Admin', email: 'admin@meridian.example' },
  { role: 'editor', name: 'Elias Editor', email: 'editor@meridian.example' },
  { role: 'moderator', name: 'Mona Moderator', email: 'moderator@meridian.example' },
];

export const demoLoginsFile = (dataDir: string) => join(dataDir, 'demo-logins.json');

/** Creates the demo staff once; the logins, when this install still knows them. */
export async function ensureDemoStaff(
  deps: Pick<Services, 'usersRepository' | 'passwords' | 'now'>,
  input: { file?: string },
): Promise<DemoLogin[]> {
  const known = input.file && existsSync(input.file) ? readLogins(input.file) : [];
  const made: DemoLogin[] = [];
  for (const s of STAFF) {
    if (await deps.usersRepository.getByEmail(demoSite.id, s.email)) continue;
    const password = randomToken(12);
    await deps.usersRepository.insert({
      id: newId(),
      siteId: demoSite.id,
      email: s.email,
      emailVerified: true,
      displayName: s.name,
      passwordHash: await deps.passwords.hash(password),
      role: s.role,
      createdAt: deps.now().toISOString(),
    });
    made.push({ role: s.role, email: s.email, password });
  }
  const logins = [...known.filter((k) => !made.some((m) => m.email === k.email)), ...made];
  if (made.length && input.file) writeFileSync(input.file, `${JSON.stringify(logins, null, 2)}\n`, { mode: 0o600 });
  return logins;
}

function readLogins(file: string): DemoLogin[] {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as DemoLogin[];
    return Array.isArray(parsed) ? parsed.filter((l) => typeof l?.email === 'string') : [];
  } catch {
    return [];
  }
}

/** What `parley start` prints once it listens. */
export function startBanner(input: {
  url: string;
  dataDir: string | null;
  logins: DemoLogin[];
  loginsFile?: string;
}): string {
  const lines = [`Parley is listening on ${input.url}`];
  lines.push(input.dataDir ? `Data: the embedded database in ${input.dataDir}` : 'Data: PostgreSQL (DATABASE_URL)');
  if (input.logins.length) {
    lines.push(`Sign in at ${input.url}/account/login as:`);
    for (const l of input.logins) lines.push(`  ${l.role.padEnd(9)} ${l.email}  password ${l.password}`);
    if (input.loginsFile) lines.push(`(kept in ${input.loginsFile}; change them before going public)`);
  }
  return `${lines.join('\n')}\n`;
}
