import { readFileSync } from 'node:fs';
import { parseSpamModel, type SpamModel } from './checks/spam-model.ts';
import type { LanguageModel } from './language-model.ts';
import { deserialise, type LinearModel } from './linear-model.ts';
import type { GuidelinesModel } from './model/analyse.ts';
import { loadModel } from './model/format.ts';

// The committed models (models/), each read once per process: every app and
// every policy shares them. The core loads them all at start (loadModels), so
// that a missing or broken file stops Parley with a clear message instead of
// a pipeline that silently lets everything through, and so that the first
// comment after a start does not wait for them.

/** A model file that is missing or broken: Parley must not start as if it judged comments. */
export class ModelFileError extends Error {
  constructor(file: string, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`the guidelines model ${file} cannot be used: ${why}. Reinstall Parley, or retrain it (docs/guidelines.md).`);
    this.name = 'ModelFileError';
  }
}

const fileOf = (name: string) => new URL(`./models/${name}`, import.meta.url);
const loaded = new Map<string, unknown>();

function once<T>(file: string, parse: (bytes: Buffer) => T): T {
  if (!loaded.has(file)) {
    const url = fileOf(file);
    try {
      loaded.set(file, parse(readFileSync(url)));
    } catch (err) {
      throw new ModelFileError(url.pathname, err);
    }
  }
  return loaded.get(file) as T;
}

function languageModelOf(bytes: Buffer): LanguageModel {
  const m = JSON.parse(bytes.toString('utf8')) as LanguageModel;
  if (m?.version !== 1 || typeof m.weights !== 'object') throw new Error('not a language model');
  return m;
}

/** A naive Bayes word model (models/<name>.json). */
export function languageModel(name: string): LanguageModel {
  return once(`${name}.json`, languageModelOf);
}

/** A linear text classifier (models/<name>.json). */
export function linearModel(name: string): LinearModel {
  return once(`${name}.json`, (bytes) => deserialise(bytes.toString('utf8')));
}

/** The news-comment model of abuse, personal attacks and the words that carry them (models/guidelines.pglm). */
export function shippedGuidelinesModel(): GuidelinesModel {
  return once('guidelines.pglm', (bytes) => loadModel(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)));
}

/** The model of spam's words (models/spam.json). */
export function spamModel(): SpamModel {
  return once('spam.json', (bytes) => parseSpamModel(bytes.toString('utf8')));
}

export interface Models {
  words: LanguageModel;
  hinglish: LinearModel;
  guidelines: GuidelinesModel;
  spam: SpamModel;
}

/** Every committed model at once: read at start, and what bench:moderation times and measures. */
export function loadModels(): Models {
  return {
    words: languageModel('english'),
    hinglish: linearModel('hinglish'),
    guidelines: shippedGuidelinesModel(),
    spam: spamModel(),
  };
}
