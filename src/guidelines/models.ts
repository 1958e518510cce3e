import { readFileSync } from 'node:fs';
import type { LanguageModel } from './language-model.ts';
import { deserialise, type LinearModel } from './linear-model.ts';

// The committed models (src/moderation/models/, written by npm run
// train:moderation), read once per process: every app and every policy shares them.

export type Classifier = LinearModel & { threshold: number };

export interface Models {
  words: LanguageModel;
  hinglish: LinearModel;
  abusive: Classifier;
  personal: Classifier;
}

const read = (name: string) => readFileSync(new URL(`./models/${name}.json`, import.meta.url), 'utf8');

function classifier(name: string): Classifier {
  const m = deserialise(read(name));
  if (m.threshold === undefined)
    throw new Error(`model ${name} has no threshold: retrain with npm run train:moderation`);
  return { ...m, threshold: m.threshold };
}

let loaded: Models | undefined;

export function loadModels(): Models {
  loaded ??= {
    words: JSON.parse(read('english')) as LanguageModel,
    hinglish: deserialise(read('hinglish')),
    abusive: classifier('abusive'),
    personal: classifier('personal'),
  };
  return loaded;
}
