// Turns the Swagger 2 definitions in ask-smapi-model's spec.json into JSON Schema that ajv can run
// offline, so skill.json and the interaction models are checked against what SMAPI itself declares.
import { readFileSync } from 'node:fs';
import Ajv2019, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';

type Schema = { [key: string]: unknown };

export const SPEC_PATH = require.resolve('ask-smapi-model/spec.json');
const REF = '#/definitions/';

const isObject = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);
const refName = (ref: unknown): string | undefined => (typeof ref === 'string' && ref.startsWith(REF) ? ref.slice(REF.length) : undefined);

/** Swagger-only keywords ajv does not know; `x-jsonSchema-additionalProperties` is the one that means something. */
function cleanSwagger(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(cleanSwagger);
  if (!isObject(node)) return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'x-jsonSchema-additionalProperties') out.additionalProperties = cleanSwagger(v);
    else if (k.startsWith('x-') || k === 'example' || k === 'discriminator') continue;
    else if (k === 'properties' && isObject(v)) out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, cleanSwagger(s)]));
    else out[k] = cleanSwagger(v);
  }
  return out;
}

/**
 * Swagger 2 polymorphism (a base with `discriminator`, subtypes that allOf the base and carry
 * `x-discriminator-value`) becomes: the base checks its own fields, then the subtype its `type` names.
 * Without this, `interfaces: [{ type: 'ALEXA_PRESENTATION_APL', supportedViewport: … }]` is checked
 * only as a bare Interface. Where the spec has an enum named `<Base>Type`, the discriminator must be in it.
 */
function resolvePolymorphism(raw: Record<string, Schema>, defs: Record<string, Schema>): void {
  for (const [base, spec] of Object.entries(raw)) {
    const field = spec.discriminator;
    if (typeof field !== 'string') continue;
    const subtypes = Object.entries(raw).filter(
      ([, s]) => typeof s['x-discriminator-value'] === 'string' && Array.isArray(s.allOf) && s.allOf.some((a) => isObject(a) && refName(a.$ref) === base),
    );
    const baseCopy = `${base}.__base`;
    defs[baseCopy] = defs[base];
    for (const [name] of subtypes) {
      defs[name] = { ...defs[name], allOf: (defs[name].allOf as Schema[]).map((a) => (refName(a.$ref) === base ? { $ref: `${REF}${baseCopy}` } : a)) };
    }
    const typeEnum = raw[`${base}Type`]?.enum;
    const allowed = Array.isArray(typeEnum) ? typeEnum : subtypes.map(([, s]) => s['x-discriminator-value']);
    defs[base] = {
      $ref: `${REF}${baseCopy}`,
      properties: { [field]: { enum: allowed } },
      allOf: subtypes.map(([name, s]) => ({
        if: { properties: { [field]: { const: s['x-discriminator-value'] } }, required: [field] },
        then: { $ref: `${REF}${name}` },
      })),
    };
  }
}

/**
 * "Closed" mode: an object may hold only the properties its definition names, so a typo such as
 * `usesHealthinfo` or `examplePhrase` fails instead of being ignored. `unevaluatedProperties` (not
 * `additionalProperties`) so that allOf and the subtype dispatch above still see each other's fields.
 * Definitions used as allOf parts and inline allOf parts stay open: their owner closes them.
 */
function closeObjects(defs: Record<string, Schema>): void {
  const mixins = new Set<string>();
  for (const d of Object.values(defs)) {
    for (const part of Array.isArray(d.allOf) ? d.allOf : []) {
      const name = isObject(part) ? refName(part.$ref) : undefined;
      if (name) mixins.add(name);
    }
  }
  const close = (node: unknown, insideAllOf: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n) => close(n, insideAllOf));
    if (!isObject(node)) return;
    const describesObject = isObject(node.properties) || Array.isArray(node.allOf) || isObject(node.then);
    if (describesObject && !insideAllOf && node.additionalProperties === undefined && !('if' in node)) {
      node.unevaluatedProperties = false;
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties' && isObject(v)) Object.values(v).forEach((p) => close(p, false));
      else if (k === 'allOf') close(v, true);
      else if (k === 'if' || k === 'then') close(v, true);
      else if (k === 'items' || k === 'additionalProperties') close(v, false);
    }
  };
  for (const [name, d] of Object.entries(defs)) {
    if (mixins.has(name)) {
      // Still close what is nested inside it; only the mixin's own level must stay open.
      for (const [k, v] of Object.entries(d)) if (k === 'properties' && isObject(v)) Object.values(v).forEach((p) => close(p, false));
      continue;
    }
    close(d, false);
  }
}

export interface SmapiValidator {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const cache = new Map<string, SmapiValidator>();

/** A validator for one definition of spec.json, e.g. `v1.skill.Manifest.SkillManifestEnvelope`. */
export function smapiValidator(definition: string, options: { closed?: boolean } = {}): SmapiValidator {
  const key = `${definition}|${options.closed === true}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const validate = buildValidator(definition, options.closed === true);
  cache.set(key, validate);
  return validate;
}

function buildValidator(definition: string, closed: boolean): SmapiValidator {
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as { swagger?: string; definitions: Record<string, Schema> };
  if (spec.swagger !== '2.0') throw new Error(`expected a Swagger 2 spec, got ${String(spec.swagger)}`);
  const raw = spec.definitions;
  if (!raw[definition]) throw new Error(`spec.json has no definition ${definition}`);
  const defs = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, cleanSwagger(v) as Schema]));
  resolvePolymorphism(raw, defs);
  if (closed) closeObjects(defs);

  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  // The spec also uses prose as formats ("Amazon Common Identifier", "ISO 4217 format"): accept them.
  const formats = new Set<string>();
  JSON.stringify(raw, (k, v: unknown) => {
    if (k === 'format' && typeof v === 'string') formats.add(v);
    return v;
  });
  for (const f of formats) if (!ajv.formats[f]) ajv.addFormat(f, true);

  ajv.addSchema({ $id: 'smapi', definitions: defs });
  const validate: ValidateFunction = ajv.compile({ $ref: `smapi${REF}${definition}` });
  return validate;
}

/** ajv's errors as "path message" lines, the innermost first, without the noise of the if/then dispatch. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => {
      const extra = e.keyword === 'unevaluatedProperties' ? ` (${String((e.params as { unevaluatedProperty?: string }).unevaluatedProperty)})` : '';
      const allowed = e.keyword === 'enum' ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})` : '';
      return `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}${allowed}`;
    });
}
