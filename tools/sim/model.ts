// Reads the ASK interaction model that the simulator matches typed utterances against.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One value of a custom slot type; `id` is optional in the ASK format. */
export interface SlotTypeValue {
  id?: string;
  name: { value: string; synonyms?: string[] };
}

export interface SlotType {
  name: string;
  values?: SlotTypeValue[];
}

export interface IntentSlot {
  name: string;
  type: string;
  /** Slot-elicitation samples (dialog model); the matcher does not use them. */
  samples?: string[];
}

export interface IntentDefinition {
  name: string;
  samples?: string[];
  slots?: IntentSlot[];
}

export interface LanguageModel {
  invocationName: string;
  intents: IntentDefinition[];
  types?: SlotType[];
}

export interface InteractionModel {
  interactionModel: {
    languageModel: LanguageModel;
    // Dialog and prompts are carried along untouched: the simulator does not run dialog management.
    dialog?: unknown;
    prompts?: unknown[];
  };
}

export const DEFAULT_LOCALE = 'en-US';

/** Where the model for a locale lives, relative to the project root. */
export function modelPath(locale: string, root = process.cwd()): string {
  return join(root, 'skill-package', 'interactionModels', 'custom', `${locale}.json`);
}

/** Loads `<locale>.json`, falling back to en-US like a skill that only ships one locale. */
export function loadModel(locale: string, root = process.cwd()): InteractionModel {
  let file = modelPath(locale, root);
  if (!existsSync(file)) file = modelPath(DEFAULT_LOCALE, root);
  if (!existsSync(file)) {
    throw new Error(`No interaction model for ${locale} (nor ${DEFAULT_LOCALE}): expected ${modelPath(locale, root)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  return assertModel(parsed, file);
}

/** Checks the few fields the simulator relies on, so a half-written model fails with a clear message. */
export function assertModel(value: unknown, source = 'interaction model'): InteractionModel {
  const lm = (value as InteractionModel | undefined)?.interactionModel?.languageModel;
  if (!lm || typeof lm !== 'object') throw new Error(`${source}: missing interactionModel.languageModel`);
  if (typeof lm.invocationName !== 'string') throw new Error(`${source}: languageModel.invocationName must be a string`);
  if (!Array.isArray(lm.intents)) throw new Error(`${source}: languageModel.intents must be an array`);
  for (const intent of lm.intents) {
    if (typeof intent?.name !== 'string') throw new Error(`${source}: every intent needs a name`);
  }
  return value as InteractionModel;
}

/** The language model inside an interaction model file. */
export function languageModel(model: InteractionModel): LanguageModel {
  return model.interactionModel.languageModel;
}
