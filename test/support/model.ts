import { readFileSync } from 'node:fs';
import type { Intent } from 'ask-sdk-model';
import { modelPath } from './paths';
import { emptySlot, matchedSlot, unmatchedSlot } from './envelopes';

/** The parts of an interaction model the proof tests read; the model file is the only copy. */
export interface LanguageModel {
  readonly invocationName: string;
  readonly intents: ReadonlyArray<{
    readonly name: string;
    readonly samples?: readonly string[];
    readonly slots?: ReadonlyArray<{ readonly name: string; readonly type: string }>;
  }>;
  readonly types?: ReadonlyArray<{
    readonly name: string;
    readonly values: ReadonlyArray<{ readonly id?: string; readonly name: { readonly value: string; readonly synonyms?: readonly string[] } }>;
  }>;
}

export function loadModel(locale = 'en-US'): LanguageModel {
  return JSON.parse(readFileSync(modelPath(locale), 'utf8')).interactionModel.languageModel;
}

/** One way an intent can arrive: a label for reports and the intent object Alexa would send. */
export interface IntentVariant {
  readonly label: string;
  readonly intent: Intent;
}

/**
 * Every intent in the model as Alexa can send it: a slot-bearing intent once with every slot empty,
 * once per value of each custom slot type (entity resolution matched), and once unmatched.
 * Built-in slot types (AMAZON.*) are only tried empty: their values are Amazon's, not ours.
 */
export function intentVariants(model: LanguageModel): IntentVariant[] {
  const variants: IntentVariant[] = [];
  for (const i of model.intents) {
    const slots = i.slots ?? [];
    const empty = Object.fromEntries(slots.map((s) => [s.name, emptySlot(s.name)]));
    const base = (extra: Intent['slots'] = {}): Intent => ({
      name: i.name,
      confirmationStatus: 'NONE',
      ...(slots.length ? { slots: { ...empty, ...extra } } : {}),
    });
    variants.push({ label: slots.length ? `${i.name}(no slot)` : i.name, intent: base() });
    for (const slot of slots) {
      const type = model.types?.find((t) => t.name === slot.type);
      if (!type) continue;
      for (const v of type.values) {
        const id = v.id ?? v.name.value;
        variants.push({ label: `${i.name}(${slot.name}=${id})`, intent: base({ [slot.name]: matchedSlot(slot.name, slot.type, id, v.name.value) }) });
      }
      // A body slot Alexa could not match: words that sound like a warning sign, and ordinary words.
      const body = (BODY_SLOT_TYPES as readonly string[]).includes(slot.type);
      variants.push({
        label: `${i.name}(${slot.name} unmatched)`,
        intent: base({ [slot.name]: unmatchedSlot(slot.name, slot.type, body ? 'a funny feeling in my leg' : 'something else') }),
      });
      if (body) variants.push({ label: `${i.name}(${slot.name} ordinary)`, intent: base({ [slot.name]: unmatchedSlot(slot.name, slot.type, 'at my desk') }) });
    }
  }
  return variants;
}

/** Slot types whose values are what a person says about their body: never to be logged. */
export const BODY_SLOT_TYPES = ['RED_FLAG_SIGN'] as const;

/** Every value and synonym of the body slot types, lower case. */
export function symptomPhrases(model: LanguageModel): string[] {
  const phrases = (model.types ?? [])
    .filter((t) => (BODY_SLOT_TYPES as readonly string[]).includes(t.name))
    .flatMap((t) => t.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]));
  return [...new Set(phrases.map((p) => p.toLowerCase().trim()).filter(Boolean))];
}

/** Intents that carry a body slot: saying one is an emergency statement whatever the slot holds. */
export function emergencyIntentNames(model: LanguageModel): string[] {
  return model.intents
    .filter((i) => i.name === 'EmergencyStatementIntent' || (i.slots ?? []).some((s) => (BODY_SLOT_TYPES as readonly string[]).includes(s.type)))
    .map((i) => i.name);
}
