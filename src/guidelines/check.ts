import type { Static, TSchema } from 'typebox';
import type { CheckResult, Decision, ModerationContext } from './pipeline.ts';
import type { PreparedText } from './prepared.ts';

// A guideline check, whole, in one file under checks/: its verdict, its
// settings in the site's policy (schema and default), its default rule (what
// a failure leads to and what the author is told) and its reason texts. The
// ordered list in phases.ts registers it; the policy's type, its defaults, its
// API schema and the pipeline are all assembled from that list.

export interface Rule {
  /** what a failure leads to; "publish" keeps the check's score on record but lets the comment through */
  decision: Decision;
  /** the author may revise, or send anyway to a moderator */
  nudge: boolean;
  /** what the author is told */
  message: string;
}

/** One knob of a check: its schema (API validation and documentation) and its default. */
export interface Setting<T extends TSchema = TSchema> {
  schema: T;
  default: Static<T>;
}

export function setting<T extends TSchema>(schema: T, value: NoInfer<Static<T>>): Setting<T> {
  return { schema, default: value };
}

/**
 * A check's knobs, by section of the policy, then by name. Sections may be
 * shared: the banned and suspect lists are both under "words", as stored
 * policies have them.
 */
export type SettingsSchema = Record<string, Record<string, Setting>>;

export type SettingsOf<S extends SettingsSchema> = {
  [K in keyof S]: { [F in keyof S[K]]: Static<S[K][F]['schema']> };
};

/** What a check reads of the site's policy: its own settings and its rule. */
export type CheckSettings<S extends SettingsSchema> = SettingsOf<S> & { rule: Rule };

export interface Check<
  N extends string = string,
  S extends SettingsSchema = SettingsSchema,
  R extends CheckResult = CheckResult,
> {
  /** the check's name: its key in the stored results, the policy's rules and the queue filters */
  readonly name: N;
  /** the paper's default rule for a failure; a site's policy may change it */
  readonly rule: Rule;
  readonly settings?: S;
  /**
   * The check judged what was true when the comment was posted (the author's
   * history, the site's spam marks): a replay keeps its stored result instead
   * of running it again.
   */
  readonly keptOnReplay?: boolean;
  /**
   * The verdict. Pure and fast: it runs on every comment. Extra data for the
   * moderators (matches, evidence, spans) goes in the result after the verdict
   * and the score, and is stored with them. The verdict comes first: the
   * moderators' queue finds a failed check in the stored JSON by
   * `"name":{"verdict":"fail"` (decide.test.ts checks every check for it).
   */
  run(prepared: PreparedText, context: ModerationContext, settings: CheckSettings<S>): R;
}

/** Every setting of some checks, in their order: where it sits in the policy, and what it is. */
export function settingsOfChecks(checks: readonly Check[]): { section: string; name: string; setting: Setting }[] {
  return checks.flatMap((c) =>
    Object.entries(c.settings ?? {}).flatMap(([section, fields]) =>
      Object.entries(fields).map(([name, setting]) => ({ section, name, setting })),
    ),
  );
}

/** Declares a check, keeping its name, settings and result types for the policy's type. */
// biome-ignore lint/complexity/noBannedTypes: a check without settings has none
export function defineCheck<const N extends string, S extends SettingsSchema = {}, R extends CheckResult = CheckResult>(
  check: Check<N, S, R>,
): Check<N, S, R> {
  return check;
}
