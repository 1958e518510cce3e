import { type Check, type Rule, type SettingsOf, settingsOfChecks } from './check.ts';
import { PHASES } from './phases.ts';

// A site's policy: what each check's failure leads to, in the site's words,
// with the knobs of the checks. Assembled from the checks in phases.ts. Stored
// per site with a version number (JSON, as withChanges(defaultPolicy, …)
// made it); every decision records the version it was made under.

type Phase = (typeof PHASES)[number];
export type RuleName = Phase['name'];

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type SettingsOfPhase<P> = P extends Check<string, infer S> ? SettingsOf<S> : never;
/** Sections shared by several checks ("words", "thresholds") read as one object. */
type Merged<T> = { [K in keyof T]: { [F in keyof T[K]]: T[K][F] } };
type Settings = Merged<UnionToIntersection<SettingsOfPhase<Phase>>>;

export interface Policy extends Settings {
  version: string;
  rules: Record<RuleName, Rule>;
}

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends (infer _U)[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};
export type PolicyChanges = DeepPartial<Omit<Policy, 'version'>> & { version?: string };

export const RULES: readonly RuleName[] = PHASES.map((p) => p.name);

/** The policy's sections of settings, in the order the checks bring them. */
export const SECTIONS: readonly string[] = [...new Set(settingsOfChecks(PHASES).map((s) => s.section))];

type Loose = Record<string, Record<string, unknown>>;

function assembleDefault(): Policy {
  const rules: Record<string, Rule> = {};
  const settings: Loose = {};
  for (const p of PHASES) rules[p.name] = { ...p.rule };
  for (const { section, name, setting } of settingsOfChecks(PHASES)) {
    settings[section] ??= {};
    settings[section][name] = structuredClone(setting.default);
  }
  // "default-4": the version name decisions made under the paper's own policy record (3: the news-comment
  // model with its bands, the rewritten full-sentences rule and the spam families; 4: insults said of a person)
  return { version: 'default-4', rules, ...settings } as unknown as Policy;
}

/** The paper's own sentences: "in English, in full sentences, not abusive, not personal". */
export const defaultPolicy: Policy = assembleDefault();

/**
 * A policy with some settings changed; lists replace lists, objects merge.
 * Changes are also how stored policies load (over the default): rules and
 * sections no check knows any more are left out.
 */
export function withChanges(base: Policy, changes: PolicyChanges): Policy {
  const rules = { ...base.rules };
  const changed = changes.rules as Partial<Record<RuleName, Partial<Rule>>> | undefined;
  for (const name of RULES) if (changed?.[name]) rules[name] = { ...rules[name], ...changed[name] } as Rule;
  const from = base as unknown as Loose;
  const over = changes as unknown as Partial<Loose>;
  const settings: Loose = {};
  for (const section of SECTIONS) settings[section] = { ...from[section], ...over[section] };
  return { version: changes.version ?? base.version, rules, ...settings } as unknown as Policy;
}
