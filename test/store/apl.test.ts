// The Echo Show screens: one constant APL document checked offline with apl-suggester, per-view
// datasources that the document's bindings can actually reach, and a breathing circle that keeps
// the voice's pace.
import type { RequestEnvelope } from 'ask-sdk-model';
import { ErrorController, StaticAplTemplateValidator } from 'apl-suggester';
import { CommandSchemaValidator } from 'apl-suggester/dist/src/CommandSchemaValidator';
import {
  APL_TOKEN,
  CIRCLE_SCALE_IN,
  CIRCLE_SCALE_OUT,
  DATASOURCE,
  SCREEN_DOCUMENT,
  type ScreenView,
  screenDatasources,
  screenDirectives,
  supportsApl,
} from '../../lambda/src/screen/apl';
import { DEFAULT_SKILL_ID, buildLaunchRequest, startSession } from '../../tools/sim/envelope';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const VIEWS: Record<string, ScreenView> = {
  question: {
    title: 'Safety question 2 of 5',
    lines: ['Do you have chest pain, trouble breathing, or a throbbing feeling in your belly?', 'Or do you feel faint or sweaty?'],
    hint: 'Say "yes", "no" or "not sure"',
  },
  urgent: {
    title: 'Call 911 now',
    lines: ['Please call 911 now, or ask someone near you to call.', "Alexa can't call for you."],
    urgent: true,
  },
  breathing46: {
    title: 'Breathe with me',
    lines: ['In for four, and out for six.', 'Let it be easy, not forced.'],
    breathing: { inMs: 4000, outMs: 6000, breaths: 6, startDelayMs: 3500 },
    hint: 'Say "stop" at any time',
  },
  breathing37: {
    title: 'Breathe with me',
    lines: ['A little slower now.', 'In for three, and a long breath out for seven.'],
    breathing: { inMs: 3000, outMs: 7000, breaths: 5, startDelayMs: 2800 },
  },
  longText: {
    title: 'While you wait for help, here is what to do next, step by step',
    lines: Array.from({ length: 6 }, (_, i) =>
      `Step ${i + 1}: stay as still as you comfortably can, keep your phone within reach, and if anything gets worse, call 911 or your local emergency number straight away.`,
    ),
    hint: 'Say "repeat" to hear this again, or "stop" to finish',
  },
};

// --- apl-suggester, used offline -------------------------------------------------------------------

/** Errors it reports through its ErrorController (unknown component types) instead of returning them. */
const controllerErrors: string[] = [];
let validator: StaticAplTemplateValidator;

beforeAll(() => {
  // apl-suggester logs "No mixin for component : X" for components that have no extra schema: noise, not findings.
  const warn = console.warn.bind(console);
  jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).startsWith('No mixin for component')) warn(...args);
  });
  const controller = ErrorController.getInstance();
  controller.setErrorInterface({ sendError: (e) => controllerErrors.push(`${e.code} ${JSON.stringify((e as { placeholders?: object }).placeholders)}`) });
  // The error table is empty until registered, and then unknown types are dropped silently.
  controller.registerErrors();
  validator = new StaticAplTemplateValidator();
});

afterAll(() => jest.restoreAllMocks());

/** apl-suggester's schema types a resource block's `when` as a boolean; APL documents it as a data-binding expression. */
const isResourceWhenBinding = (e: { dataPath?: string; instancePath?: string; data?: unknown }): boolean =>
  /^\/resources\/\d+\/when$/.test(e.dataPath ?? e.instancePath ?? '') && typeof e.data === 'string' && /^\$\{.*\}$/.test(e.data);

const COMMAND_KEYS = new Set(['onMount', 'onPress', 'onConfigChange', 'onDisplayStateChange', 'onScroll', 'onPageChanged', 'onFocus', 'onBlur']);

/** Every command anywhere in the document, with its JSON path: the documents' and the components' handlers, and nested ones. */
function commandsIn(node: Json, path = ''): Array<{ path: string; command: JsonObject }> {
  const found: Array<{ path: string; command: JsonObject }> = [];
  const visitCommands = (cmds: Json, p: string): void => {
    const list = Array.isArray(cmds) ? cmds : [cmds];
    list.forEach((c, i) => {
      const cp = Array.isArray(cmds) ? `${p}/${i}` : p;
      if (c === null || typeof c !== 'object' || Array.isArray(c)) return;
      found.push({ path: cp, command: c });
      for (const key of ['commands', 'command', 'otherwise', 'finally', 'catch']) {
        if (c[key] !== undefined && typeof c[key] !== 'string') visitCommands(c[key], `${cp}/${key}`);
      }
    });
  };
  const walk = (n: Json, p: string): void => {
    if (n === null || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach((x, i) => walk(x, `${p}/${i}`));
    for (const [k, v] of Object.entries(n)) {
      if (COMMAND_KEYS.has(k)) visitCommands(v, `${p}/${k}`);
      else walk(v, `${p}/${k}`);
    }
  };
  walk(node, path);
  return found;
}

/**
 * Everything apl-suggester can say about a document, as "path message" lines.
 * Its public validate() skips the command checks whenever the top-level schema fails, even on errors
 * it then filters out as false positives, and never looks inside components' onMount: so this also
 * runs the schema and the command validator itself.
 */
async function aplProblems(document: object): Promise<string[]> {
  const doc = JSON.parse(JSON.stringify(document)) as JsonObject; // validate() writes into what it is given
  controllerErrors.length = 0;
  const reported = (await validator.validate(doc)).map((e) => `${e.path} ${e.errorMessage}`);
  const schema = (validator as unknown as { validateFunction: ((d: unknown) => boolean) & { errors?: Array<Record<string, unknown>> } }).validateFunction;
  const schemaErrors = schema(JSON.parse(JSON.stringify(document)))
    ? []
    : (schema.errors ?? []).filter((e) => !isResourceWhenBinding(e)).map((e) => `${String(e.dataPath)} ${String(e.message)}`);
  const known = Array.from(CommandSchemaValidator.COMMAND_TYPE_TO_JSON_SCHEMA.keys());
  const commandErrors = commandsIn(doc).flatMap(({ path, command }) => {
    const type = String(command.type);
    if (!known.includes(type)) return [`${path}/type unknown command type ${type}`];
    return CommandSchemaValidator.getInstance()
      .validateCommand(command, type)
      .map((e) => `${path}${e.path === '/' ? '' : e.path} ${e.errorMessage}`);
  });
  return [...reported, ...controllerErrors, ...schemaErrors, ...commandErrors];
}

// --- reading the document as a device would ---------------------------------------------------------

const BINDING = new RegExp(`payload\\.${DATASOURCE}((?:\\.[A-Za-z]\\w*)+)`, 'g');

/** Every `payload.backHelper.x.y` path the document reads. */
function boundPaths(doc: object): string[] {
  const paths = new Set<string>();
  for (const m of JSON.stringify(doc).matchAll(BINDING)) paths.add(m[1].slice(1));
  return [...paths].sort();
}

function lookUp(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);
}

/** Resolves a value that is exactly one `${payload.backHelper.…}` binding, or returns a literal as it is. */
function resolve(value: Json | undefined, datasources: Record<string, unknown>): unknown {
  if (typeof value !== 'string') return value;
  const m = /^\$\{payload\.(\w+(?:\.\w+)*)\}$/.exec(value);
  if (!m) throw new Error(`not a plain datasource binding: ${value}`);
  return lookUp(datasources, m[1]);
}

function findById(node: Json, id: string): JsonObject | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const x of node) {
      const f = findById(x, id);
      if (f) return f;
    }
    return undefined;
  }
  if (node.id === id) return node;
  for (const v of Object.values(node)) {
    const f = findById(v, id);
    if (f) return f;
  }
  return undefined;
}

const asObject = (v: Json | undefined): JsonObject => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error(`expected an object, got ${JSON.stringify(v)}`);
  return v;
};
const asArray = (v: Json | undefined): Json[] => {
  if (!Array.isArray(v)) throw new Error(`expected an array, got ${JSON.stringify(v)}`);
  return v;
};

/** What the circle will do on a device: delay, then one in- and one out-animation per breath. */
function circleTimeline(datasources: Record<string, unknown>) {
  const circle = findById(SCREEN_DOCUMENT as unknown as Json, 'breathCircle');
  if (!circle) throw new Error('no breathCircle in the document');
  const outer = asObject(asArray(circle.onMount)[0]);
  const [idle, loop] = asArray(outer.commands).map(asObject);
  const [inhale, exhale] = asArray(loop.commands).map(asObject);
  const scales = (c: JsonObject) => {
    const v = asObject(asArray(c.value)[0]);
    return { property: v.property, from: asObject(asArray(v.from)[0]).scale, to: asObject(asArray(v.to)[0]).scale };
  };
  return {
    outerType: outer.type,
    idle: { type: idle.type, delay: resolve(idle.delay, datasources) },
    loop: { type: loop.type, repeatCount: resolve(loop.repeatCount, datasources) },
    inhale: { type: inhale.type, duration: resolve(inhale.duration, datasources), easing: inhale.easing, target: inhale.componentId, ...scales(inhale) },
    exhale: { type: exhale.type, duration: resolve(exhale.duration, datasources), easing: exhale.easing, target: exhale.componentId, ...scales(exhale) },
    startScale: asObject(asArray(circle.transform)[0]).scale,
  };
}

// --- the tests ----------------------------------------------------------------------------------------

describe('the screen document', () => {
  it('passes apl-suggester with no errors or warnings', async () => {
    expect(await aplProblems(SCREEN_DOCUMENT)).toEqual([]);
  });

  it('declares an APL version apl-suggester accepts, imports no packages and stays under 20 KB', () => {
    expect(SCREEN_DOCUMENT.version).toBe('2024.2');
    expect(SCREEN_DOCUMENT).not.toHaveProperty('import');
    expect(Buffer.byteLength(JSON.stringify(SCREEN_DOCUMENT))).toBeLessThan(20_000);
  });

  it('is the same frozen object in every directive, so checking it once checks them all', () => {
    const docs = Object.values(VIEWS).map((v) => screenDirectives(v)[0].document);
    for (const d of docs) expect(d).toBe(SCREEN_DOCUMENT);
    expect(Object.isFrozen(SCREEN_DOCUMENT.mainTemplate.item)).toBe(true);
  });

  // The checker must be able to fail, or a green run means nothing.
  it.each([
    ['a misspelt component type', (d: JsonObject) => { findById(d, 'title')!.type = 'Txet'; }, /Txet/],
    ['an unknown component property', (d: JsonObject) => { findById(d, 'hint')!.colour = 'red'; }, /additional properties : colour/],
    ['a font size that is not a dimension', (d: JsonObject) => { findById(d, 'hint')!.fontSize = 'huge'; }, /fontSize/],
    ['a version APL does not have', (d: JsonObject) => { d.version = '3000.1'; }, /\/version/],
    ['an animation without a duration, deep in a component onMount', (d: JsonObject) => {
      delete asObject(asArray(asObject(asArray(asObject(asArray(findById(d, 'breathCircle')!.onMount)[0]).commands)[1]).commands)[0]).duration;
    }, /duration/],
    ['an easing APL does not know', (d: JsonObject) => {
      asObject(asArray(asObject(asArray(asObject(asArray(findById(d, 'breathCircle')!.onMount)[0]).commands)[1]).commands)[1]).easing = 'wobbly';
    }, /easing/],
    ['a misspelt command type', (d: JsonObject) => {
      asObject(asArray(asObject(asArray(findById(d, 'breathCircle')!.onMount)[0]).commands)[0]).type = 'Idel';
    }, /unknown command type Idel/],
  ])('catches %s', async (_name, breakIt, expected) => {
    const broken = JSON.parse(JSON.stringify(SCREEN_DOCUMENT)) as JsonObject;
    breakIt(broken);
    const problems = await aplProblems(broken);
    expect(problems.join('\n')).toMatch(expected);
  });
});

describe.each(Object.entries(VIEWS))('the %s screen', (_name, view) => {
  const [directive, ...others] = screenDirectives(view);
  const datasources = directive.datasources as Record<string, unknown>;

  it('is one RenderDocument with our token, the document and datasources apl-suggester accepts', async () => {
    expect(others).toEqual([]);
    expect(directive.type).toBe('Alexa.Presentation.APL.RenderDocument');
    expect(directive.token).toBe(APL_TOKEN);
    expect(await validator.validateDataSources(datasources)).toEqual([]);
    expect(await aplProblems(directive.document!)).toEqual([]);
  });

  it('gives every binding in the document something to read', () => {
    const paths = boundPaths(SCREEN_DOCUMENT);
    expect(paths).toEqual(expect.arrayContaining(['title', 'lines', 'urgent', 'hint', 'showBreathing', 'breathing.inMs']));
    for (const p of paths) {
      // The breathing values are only read inside the circle, which is not inflated without breathing.
      if (p.startsWith('breathing.') && !view.breathing) continue;
      expect([p, lookUp(datasources[DATASOURCE], p)]).not.toEqual([p, undefined]);
    }
  });

  it('carries the words exactly as given, and is small enough for the response', () => {
    const data = datasources[DATASOURCE] as Record<string, unknown>;
    expect(data).toMatchObject({ title: view.title, lines: view.lines, urgent: view.urgent === true, hint: view.hint ?? '' });
    expect(Buffer.byteLength(JSON.stringify(directive))).toBeLessThan(8_000);
  });
});

describe('the breathing circle', () => {
  it.each([
    ['in 4 s, out 6 s', VIEWS.breathing46],
    ['in 3 s, out 7 s', VIEWS.breathing37],
  ])('keeps the voice pace: %s', (_name, view) => {
    const b = view.breathing!;
    const t = circleTimeline(screenDatasources(view));
    expect(t).toEqual({
      outerType: 'Sequential',
      idle: { type: 'Idle', delay: b.startDelayMs },
      // A Sequential runs once, then repeatCount more times: one pass per breath.
      loop: { type: 'Sequential', repeatCount: b.breaths - 1 },
      inhale: { type: 'AnimateItem', duration: b.inMs, easing: 'ease-in-out', target: 'breathCircle', property: 'transform', from: CIRCLE_SCALE_OUT, to: CIRCLE_SCALE_IN },
      exhale: { type: 'AnimateItem', duration: b.outMs, easing: 'ease-in-out', target: 'breathCircle', property: 'transform', from: CIRCLE_SCALE_IN, to: CIRCLE_SCALE_OUT },
      startScale: CIRCLE_SCALE_OUT,
    });
    expect([CIRCLE_SCALE_OUT, CIRCLE_SCALE_IN]).toEqual([0.55, 1]);
    const total = (t.idle.delay as number) + ((t.loop.repeatCount as number) + 1) * ((t.inhale.duration as number) + (t.exhale.duration as number));
    expect(total).toBe(b.startDelayMs + b.breaths * (b.inMs + b.outMs));
  });

  it('shows only when the view breathes', () => {
    const data = (v: ScreenView) => screenDatasources(v)[DATASOURCE] as Record<string, unknown>;
    expect(data(VIEWS.breathing46).showBreathing).toBe(true);
    expect(data(VIEWS.question)).toMatchObject({ showBreathing: false, breathing: null });
    const wrapper = JSON.stringify(SCREEN_DOCUMENT).match(/"when":"\$\{payload\.backHelper\.showBreathing\}"/g);
    expect(wrapper).toHaveLength(1);
  });

  it('never gets a negative repeat count or fractional timings', () => {
    const odd = screenDatasources({ title: 't', lines: ['x'], breathing: { inMs: 3999.6, outMs: -5, breaths: 0, startDelayMs: Number.NaN } });
    expect((odd[DATASOURCE] as Record<string, unknown>).breathing).toEqual({ inMs: 4000, outMs: 0, startDelayMs: 0, repeatCount: 0 });
  });
});

describe('supportsApl', () => {
  const device = { skillId: DEFAULT_SKILL_ID, locale: 'en-US' };

  it('is false on a voice-only Echo', () => {
    expect(supportsApl(buildLaunchRequest({ ...device, apl: false }, startSession()))).toBe(false);
  });

  it('is true on an Echo Show', () => {
    expect(supportsApl(buildLaunchRequest({ ...device, apl: true }, startSession()))).toBe(true);
  });

  it('is false for a character display (APLT) or a request without a device', () => {
    const clock = buildLaunchRequest({ ...device, apl: false }, startSession());
    clock.context.System.device!.supportedInterfaces = { 'Alexa.Presentation.APLT': { runtime: { maxVersion: '1.0' } } };
    expect(supportsApl(clock)).toBe(false);
    const noDevice = buildLaunchRequest({ ...device }, startSession());
    delete noDevice.context.System.device;
    expect(supportsApl(noDevice)).toBe(false);
    expect(supportsApl({ version: '1.0' } as unknown as RequestEnvelope)).toBe(false);
  });
});
