import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { guidelinesErrors as E } from './guidelines.errors.ts';
import { createGuidelines } from './guidelines.ts';
import type { SiteModelInfo } from './learning.repository.ts';
import { type DecisionFacts, labelsOf } from './learning.ts';
import { fineTuneAuto, type SiteExample } from './model/finetune.ts';
import { loadModel, saveModel } from './model/format.ts';
import { shippedGuidelinesModel } from './models.ts';
import { replayDecisions } from './replay.ts';

// Learning from the paper's moderators: their decisions kept as examples, a
// site model adapted from the shipped one (`parley guidelines train`), tried
// on the site's latest comments before anyone turns it on, turned on for
// every instance, and turned off again.

/** A site needs this many labelled examples, with both kinds, before its own model means anything. */
export const MIN_EXAMPLES = 40;
/** The newest examples used for training (older ones give way). */
const MAX_EXAMPLES = 20_000;

/** Keeps a moderator's decision as an example when it says something about abuse. */
export async function recordDecisionExample(
  deps: Pick<Services, 'learningRepository' | 'now'>,
  input: { siteId: string; commentId: string; text: string; facts: DecisionFacts; by: string },
): Promise<boolean> {
  const labels = labelsOf(input.facts);
  if (!labels || !input.text.trim()) return false;
  await deps.learningRepository.recordExample({
    id: newId(),
    siteId: input.siteId,
    commentId: input.commentId,
    text: input.text,
    abusive: labels.abusive,
    personal: labels.personal,
    source: labels.source,
    decidedBy: input.by,
    createdAt: deps.now().toISOString(),
  });
  return true;
}

export interface TrainingReport {
  version: number;
  examples: { total: number; abusive: number; clean: number; personal: number };
  chosen: Record<string, number | undefined>;
  heldOut: { auc: number; ece: number };
  replay: ReturnType<typeof replayDecisions> & { compared: number };
}

/** Adapts the shipped model to the site's examples and stores it, not active, with what it would change. */
export async function trainSiteModel(
  deps: Pick<Services, 'learningRepository' | 'guidelinesRepository' | 'policyCache' | 'now'>,
  input: { siteId: string; by: string; replayLimit?: number },
): Promise<TrainingReport> {
  const rows = await deps.learningRepository.examples(input.siteId, MAX_EXAMPLES);
  const abusive = rows.filter((r) => r.abusive === 1).length;
  const clean = rows.filter((r) => r.abusive === 0).length;
  if (rows.length < MIN_EXAMPLES || abusive === 0 || clean === 0)
    throw new AppError(E.NOT_ENOUGH_EXAMPLES, undefined, {
      examples: rows.length,
      abusive,
      clean,
      needed: MIN_EXAMPLES,
    });
  const examples: SiteExample[] = rows.map((r) => ({
    text: r.text,
    abusive: r.abusive ?? undefined,
    ...(r.personal === null ? {} : { personal: r.personal }),
  }));
  const tuned = fineTuneAuto(shippedGuidelinesModel(), examples);
  const { guidelines: current } = await deps.policyCache.get(input.siteId);
  const candidate = createGuidelines({ policy: current.policy, model: tuned.model });
  const past = await deps.guidelinesRepository.pastComments(input.siteId, input.replayLimit ?? 2000);
  const replay = { compared: past.length, ...replayDecisions(candidate, past) };
  const report = {
    examples: {
      total: rows.length,
      abusive,
      clean,
      personal: rows.filter((r) => r.personal === 1).length,
    },
    chosen: { ...tuned.chosen },
    heldOut: tuned.heldOut,
    replay: { compared: replay.compared, counts: replay.counts, changedCount: replay.changedCount },
  };
  const version = await deps.learningRepository.saveModel({
    siteId: input.siteId,
    model: saveModel(tuned.model),
    examples: rows.length,
    report,
    createdBy: input.by,
    createdAt: deps.now().toISOString(),
  });
  return { version, ...report, replay };
}

export function siteModels(deps: Pick<Services, 'learningRepository'>, siteId: string): Promise<SiteModelInfo[]> {
  return deps.learningRepository.listModels(siteId);
}

/** Turns a site model on for every instance (null: back to the shipped model). */
export async function activateSiteModel(
  deps: Pick<Services, 'learningRepository' | 'policyCache' | 'bus' | 'now'>,
  input: { siteId: string; version: number | null },
): Promise<void> {
  if (!(await deps.learningRepository.activate(input.siteId, input.version, deps.now().toISOString())))
    throw new AppError(E.MODEL_NOT_FOUND);
  deps.policyCache.forget(input.siteId);
  deps.bus.publish({ type: 'guidelines.changed', siteId: input.siteId });
}

/** Back to the model that was on before the current one (the shipped model when there was none). */
export async function restorePreviousModel(
  deps: Pick<Services, 'learningRepository' | 'policyCache' | 'bus' | 'now'>,
  siteId: string,
): Promise<number | null> {
  const models = await deps.learningRepository.listModels(siteId);
  const previous = models
    .filter((m) => !m.active && m.activatedAt)
    .sort((a, b) => (a.activatedAt! < b.activatedAt! ? 1 : -1))[0];
  const version = previous?.version ?? null;
  await activateSiteModel(deps, { siteId, version });
  return version;
}

/** A stored site model, for a replay before it is turned on. */
export async function siteModel(deps: Pick<Services, 'learningRepository'>, siteId: string, version: number) {
  const bytes = await deps.learningRepository.modelFile(siteId, version);
  if (!bytes) throw new AppError(E.MODEL_NOT_FOUND);
  return loadModel(bytes);
}
