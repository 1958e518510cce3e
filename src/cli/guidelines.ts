import type { Services } from '../core/services.ts';
import {
  activateSiteModel,
  restorePreviousModel,
  siteModels,
  trainSiteModel,
} from '../guidelines/learning.usecases.ts';

// `parley guidelines models|train|activate|restore`: a site's own model of
// abuse, adapted from its moderators' decisions, managed from a terminal as
// the moderation workspace does (GET/POST /api/admin/moderation/models).

export const guidelinesHelp = `  guidelines models  [--site demo]   the site's own models (version, examples, active)
  guidelines train   [--site demo]   adapt the shipped model to the moderators' decisions
                                     (at least 40); prints what it would change, not turned on
  guidelines activate VERSION|shipped [--site demo]
                                     turn a model on for every instance (shipped: the model
                                     Parley ships)
  guidelines restore [--site demo]   back to the model that was on before`;

export async function guidelinesCommand(
  services: Services,
  input: { action: string; argument?: string; siteId: string },
): Promise<number> {
  const { action, siteId } = input;
  if (action === 'models') {
    const models = await siteModels(services, siteId);
    if (models.length === 0) console.log(`no site models for ${siteId}: the shipped model is on`);
    for (const m of models)
      console.log(
        `${String(m.version).padStart(4)}  ${m.active ? 'on ' : '   '} ${m.examples} examples, made ${m.createdAt} by ${m.createdBy}`,
      );
    return 0;
  }
  if (action === 'train') {
    const r = await trainSiteModel(services, { siteId, by: 'parley guidelines train' });
    console.log(
      `model ${r.version} made from ${r.examples.total} decisions (${r.examples.abusive} abusive, ${r.examples.clean} clean); held-out ROC-AUC ${r.heldOut.auc.toFixed(3)}, calibration error ${r.heldOut.ece.toFixed(3)}`,
    );
    console.log(
      `on ${r.replay.compared} past comments it would change ${r.replay.changedCount} decisions: ${JSON.stringify(r.replay.counts)}`,
    );
    console.log(`not on yet: parley guidelines activate ${r.version} --site ${siteId}`);
    return 0;
  }
  if (action === 'activate') {
    const arg = input.argument;
    const version = arg === 'shipped' ? null : Number(arg);
    if (version !== null && !(Number.isInteger(version) && version > 0))
      throw new Error('activate takes a model version (see "parley guidelines models") or "shipped"');
    await activateSiteModel(services, { siteId, version });
    console.log(version === null ? 'the shipped model is on' : `model ${version} is on`);
    return 0;
  }
  if (action === 'restore') {
    const version = await restorePreviousModel(services, siteId);
    console.log(version === null ? 'the shipped model is on' : `model ${version} is on again`);
    return 0;
  }
  throw new Error(`unknown guidelines command "${action}": models, train, activate or restore`);
}
