import type { Services } from '../core/services.ts';
import {
  activateSiteModel,
  restorePreviousModel,
  siteModels,
  trainSiteModel,
} from '../guidelines/learning.usecases.ts';
import { report } from './help.ts';

// `parley guidelines models|train|activate|restore`: a site's own model of
// abuse, adapted from its moderators' decisions, managed from a terminal as
// the moderation workspace does (GET/POST /api/admin/moderation/models).

export async function guidelinesCommand(
  services: Services,
  input: { action: string; argument?: string; siteId: string; json?: boolean },
): Promise<number> {
  const { action, siteId } = input;
  if (action === 'models') {
    const models = await siteModels(services, siteId);
    if (input.json) return report(true, '', { siteId, models });
    if (models.length === 0) console.log(`no site models for ${siteId}: the shipped model is on`);
    for (const m of models)
      console.log(
        `${String(m.version).padStart(4)}  ${m.active ? 'on ' : '   '} ${m.examples} examples, made ${m.createdAt} by ${m.createdBy}`,
      );
    return 0;
  }
  if (action === 'train') {
    const r = await trainSiteModel(services, { siteId, by: 'parley guidelines train' });
    if (input.json) return report(true, '', r);
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
    report(input.json, version === null ? 'the shipped model is on' : `model ${version} is on`, { active: version });
    return 0;
  }
  if (action === 'restore') {
    const version = await restorePreviousModel(services, siteId);
    report(input.json, version === null ? 'the shipped model is on' : `model ${version} is on again`, {
      active: version,
    });
    return 0;
  }
  throw new Error(`unknown guidelines command "${action}": models, train, activate or restore`);
}
