import type { SpamLimits } from './checks/spam.ts';
import type { TrustPolicy } from './checks/trust.ts';
import type { Decision } from './pipeline.ts';

// A site's policy: what each check's failure leads to, in the site's words,
// with the knobs of the checks. Stored per site with a version number; every
// decision records the version it was made under.

export const RULES = [
  'length',
  'closed',
  'banned',
  'suspect',
  'english',
  'sentences',
  'abusive',
  'personal',
  'spam',
  'trust',
] as const;
export type RuleName = (typeof RULES)[number];

export interface Rule {
  /** what a failure leads to; "publish" keeps the check's score on record but lets the comment through */
  decision: Decision;
  /** the author may revise, or send anyway to a moderator */
  nudge: boolean;
  /** what the author is told */
  message: string;
}

export interface Policy {
  version: string;
  rules: Record<RuleName, Rule>;
  /** score from which the classifiers fail; null: the model's own threshold */
  thresholds: { abusive: number | null; personal: number | null };
  words: { banned: string[]; suspect: string[] };
  trust: TrustPolicy;
  spam: SpamLimits;
  /** the longest comment is the site's comment setting (max length), not part of the policy */
  length: { minLetters: number };
}

/** The paper's own four sentences: "in English, in full sentences, not abusive, not personal". */
export const defaultPolicy: Policy = {
  version: 'default-2',
  rules: {
    length: { decision: 'refuse', nudge: true, message: 'Your comment is too short or too long for this site.' },
    closed: { decision: 'refuse', nudge: false, message: 'Comments are closed on this story.' },
    banned: { decision: 'refuse', nudge: false, message: 'Your comment uses words this site does not publish.' },
    suspect: { decision: 'hold', nudge: false, message: 'A moderator will read your comment before it appears.' },
    english: { decision: 'refuse', nudge: true, message: 'Comments have to be in English.' },
    sentences: { decision: 'refuse', nudge: true, message: 'Comments have to be in full sentences.' },
    abusive: { decision: 'refuse', nudge: true, message: 'Comments cannot be abusive: please take out the insults.' },
    personal: {
      decision: 'refuse',
      nudge: true,
      message: 'Comments cannot be personal: argue with the point, not the person.',
    },
    spam: {
      decision: 'hold',
      nudge: false,
      message: 'A moderator will read your comment before it appears (it looks like it could be spam).',
    },
    trust: { decision: 'hold', nudge: false, message: 'A moderator will read your comment before it appears.' },
  },
  thresholds: { abusive: null, personal: null },
  words: { banned: [], suspect: [] },
  trust: { mode: 'off', minPublished: 3, minAccountDays: 0, sanctionDays: 30 },
  spam: { maxLinks: 2, floodPerTenMinutes: 10 },
  length: { minLetters: 2 },
};

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends (infer _U)[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};
export type PolicyChanges = DeepPartial<Omit<Policy, 'version'>> & { version?: string };

/** A policy with some settings changed; lists replace lists, objects merge. */
export function withChanges(base: Policy, changes: PolicyChanges): Policy {
  const rules = { ...base.rules };
  for (const name of RULES) if (changes.rules?.[name]) rules[name] = { ...rules[name], ...changes.rules[name] } as Rule;
  return {
    version: changes.version ?? base.version,
    rules,
    thresholds: { ...base.thresholds, ...changes.thresholds },
    words: { ...base.words, ...changes.words },
    trust: { ...base.trust, ...changes.trust },
    spam: { ...base.spam, ...changes.spam },
    length: { ...base.length, ...changes.length },
  };
}
