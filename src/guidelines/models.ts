import { readFileSync } from 'node:fs';
import type { LanguageModel } from './language-model.ts';
import { deserialise, type LinearModel } from './linear-model.ts';

// The committed models (models/, written by npm run train:moderation), each
// read once per process when a check first needs it: every app and every
// policy shares them. A check loads its own by name.

export type Classifier = LinearModel & { threshold: number };

const read = (name: string) => readFileSync(new URL(`./models/${name}.json`, import.meta.url), 'utf8');
const loaded = new Map<string, unknown>();

function once<T>(key: string, load: () => T): T {
  if (!loaded.has(key)) loaded.set(key, load());
  return loaded.get(key) as T;
}

/** A naive Bayes word model (models/<name>.json). */
export function languageModel(name: string): LanguageModel {
  return once(`language:${name}`, () => JSON.parse(read(name)) as LanguageModel);
}

/** A linear text classifier (models/<name>.json). */
export function linearModel(name: string): LinearModel {
  return once(`linear:${name}`, () => deserialise(read(name)));
}

/** A linear classifier with the threshold chosen for it on the dev split. */
export function classifier(name: string): Classifier {
  return once(`classifier:${name}`, () => {
    const m = deserialise(read(name));
    if (m.threshold === undefined)
      throw new Error(`model ${name} has no threshold: retrain with npm run train:moderation`);
    return { ...m, threshold: m.threshold };
  });
}

export interface Models {
  words: LanguageModel;
  hinglish: LinearModel;
  abusive: Classifier;
  personal: Classifier;
}

/** Every committed model at once: what bench:moderation times and measures. */
export function loadModels(): Models {
  return {
    words: languageModel('english'),
    hinglish: linearModel('hinglish'),
    abusive: classifier('abusive'),
    personal: classifier('personal'),
  };
}
