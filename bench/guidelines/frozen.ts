import { readFileSync } from 'node:fs';
import type { User } from '../../src/accounts/users.repository.ts';
import { postComment } from '../../src/comments/posting.usecases.ts';
import type { App } from '../../src/http/app.ts';
import { buildTestApp, createTestUser, demoArticleStoryId } from '../../src/http/testing.ts';
import { AppError } from '../../src/shared/errors.ts';
import type { Site } from '../../src/sites/sites.repository.ts';

// The frozen sets of test/fixtures/guidelines/, posted as readers post them:
// through postComment on a whole Parley with the default policy, each text by
// its own reader (spam by its account, so that the same text from several
// accounts is seen as such), a minute apart so that no flood limit decides.

const fixtures = new URL('../../test/fixtures/guidelines/', import.meta.url);
const lines = <T>(name: string): T[] =>
  readFileSync(new URL(name, fixtures), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

export interface CleanItem {
  id: string;
  kind: string;
  text: string;
}
export interface SpamItem {
  id: string;
  account: string;
  kind: string;
  text: string;
}
export interface ContrastItem {
  id: string;
  pair: number;
  label: 'attack' | 'criticism' | 'abuse' | 'civil';
  rule: 'personal' | 'abusive';
  text: string;
}
export type Outcome = 'publish' | 'hold' | 'refuse';

export const frozenSets = () => ({
  clean: lines<CleanItem>('clean.jsonl'),
  spam: lines<SpamItem>('spam.jsonl'),
  contrast: lines<ContrastItem>('contrast.jsonl'),
});

/** Posts texts and tells what became of each. */
export async function poster() {
  let clock = new Date('2026-06-15T06:30:00.000Z');
  const app: App = await buildTestApp({ now: () => clock });
  const site = (await app.services.sitesRepository.get('demo')) as Site;
  const storyId = await demoArticleStoryId(app);
  const readers = new Map<string, User>();
  const reader = async (key: string): Promise<User> => {
    let u = readers.get(key);
    if (!u) {
      const id = await createTestUser(app, { email: `${key.replace(/[^a-z0-9]/gi, '')}@readers.test` });
      u = (await app.services.usersRepository.get(id)) as User;
      readers.set(key, u);
    }
    return u;
  };
  async function post(account: string, body: string): Promise<Outcome> {
    clock = new Date(clock.getTime() + 60_000);
    try {
      const r = await postComment(app.services, { site, user: await reader(account), storyId, body });
      return r.moderation.decision;
    } catch (err) {
      if (err instanceof AppError && err.code === 'COMMENT_REFUSED') return 'refuse';
      throw err;
    }
  }
  return { post, close: () => app.close() };
}

export interface FrozenFigures {
  clean: { n: number; refused: CleanItem[]; held: CleanItem[] };
  spam: { n: number; held: number; refused: number; published: SpamItem[] };
  contrast: Record<'attack' | 'criticism' | 'abuse' | 'civil', { n: number; refused: number; held: number }>;
  wronglyRefusedTwins: ContrastItem[];
}

export async function judgeFrozenSets(): Promise<FrozenFigures> {
  const sets = frozenSets();
  const p = await poster();
  try {
    const clean: FrozenFigures['clean'] = { n: sets.clean.length, refused: [], held: [] };
    for (const item of sets.clean) {
      const o = await p.post(`clean-${item.id}`, item.text);
      if (o === 'refuse') clean.refused.push(item);
      if (o === 'hold') clean.held.push(item);
    }
    const spam: FrozenFigures['spam'] = { n: sets.spam.length, held: 0, refused: 0, published: [] };
    for (const item of sets.spam) {
      const o = await p.post(`spam-${item.account}`, item.text);
      if (o === 'hold') spam.held++;
      else if (o === 'refuse') spam.refused++;
      else spam.published.push(item);
    }
    const contrast = Object.fromEntries(
      (['attack', 'criticism', 'abuse', 'civil'] as const).map((l) => [l, { n: 0, refused: 0, held: 0 }]),
    ) as FrozenFigures['contrast'];
    const wronglyRefusedTwins: ContrastItem[] = [];
    for (const item of sets.contrast) {
      const o = await p.post(`contrast-${item.id}`, item.text);
      const row = contrast[item.label];
      row.n++;
      if (o === 'refuse') row.refused++;
      if (o === 'hold') row.held++;
      if (o === 'refuse' && (item.label === 'criticism' || item.label === 'civil')) wronglyRefusedTwins.push(item);
    }
    return { clean, spam, contrast, wronglyRefusedTwins };
  } finally {
    await p.close();
  }
}

export const share = (k: number, n: number) => `${k}/${n} (${((100 * k) / Math.max(1, n)).toFixed(1)}%)`;

export function printFrozen(f: FrozenFigures): void {
  console.log('\n== frozen sets (test/fixtures/guidelines, written for Parley, never trained or tuned on)');
  console.log(
    `clean reader comments: refused ${share(f.clean.refused.length, f.clean.n)}, held ${share(f.clean.held.length, f.clean.n)} (goal: refused ≤ 1%, refused+held ≤ 2%; before #14: refused 60/542, held 1)`,
  );
  for (const c of f.clean.refused.slice(0, 8)) console.log(`  refused [${c.kind}] ${c.text.slice(0, 110)}`);
  console.log(
    `spam: held ${share(f.spam.held, f.spam.n)}, refused ${f.spam.refused}, published ${f.spam.published.length} (goal: held ≥ 90%; before #14: held 0%)`,
  );
  const c = f.contrast;
  console.log(
    `contrast pairs: personal attacks refused ${share(c.attack.refused, c.attack.n)} (+${c.attack.held} held), their civil criticisms refused ${share(c.criticism.refused, c.criticism.n)}; abuse refused ${share(c.abuse.refused, c.abuse.n)} (+${c.abuse.held} held), civil twins refused ${share(c.civil.refused, c.civil.n)} (before #14: attacks refused 35/61, civil twins refused 3/60)`,
  );
  for (const t of f.wronglyRefusedTwins) console.log(`  civil twin refused [${t.rule}] ${t.text.slice(0, 110)}`);
}
