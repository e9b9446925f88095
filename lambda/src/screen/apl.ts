import type { RequestEnvelope, interfaces } from 'ask-sdk-model';

/** One screen of the conversation: what the person should read while Alexa speaks. */
export interface ScreenView {
  /** e.g. "Safety question 2 of 5", "Breathe with me", "Call 911 now". */
  readonly title: string;
  /** The instruction(s) of this step, plain text, 1-6 short sentences. */
  readonly lines: readonly string[];
  /** Emergency advice: white on dark red, the biggest text. */
  readonly urgent?: boolean;
  /** A circle that grows on each in-breath and shrinks on each out-breath, at the voice's pace. */
  readonly breathing?: {
    readonly inMs: number;
    readonly outMs: number;
    readonly breaths: number;
    readonly startDelayMs: number;
  };
  /** What the person can say, e.g. 'Say "yes", "no" or "not sure"'. */
  readonly hint?: string;
}

export type RenderDocumentDirective = interfaces.alexa.presentation.apl.RenderDocumentDirective;

export const APL_TOKEN = 'backHelperScreen';

/** The newest version apl-suggester 2024.2 validates; the document only needs APL 1.1 features (AnimateItem, onMount, transform). */
export const APL_VERSION = '2024.2';

/** The datasource name; the document reads everything from `payload.backHelper`. */
export const DATASOURCE = 'backHelper';

/** The circle's size between breaths (out) and at the top of a breath (in). */
export const CIRCLE_SCALE_OUT = 0.55;
export const CIRCLE_SCALE_IN = 1;

const P = `payload.${DATASOURCE}`;
const WHITE = '#FFFFFF';

// Sizes per screen class; later blocks win when their `when` holds (round small hubs, small and large
// landscape hubs, TVs seen from the sofa). Numbers are dp, which APL scales to each screen's density.
const size = (title: number, line: number, hint: number, urgentTitle: number, urgentLine: number, circle: number, padX: number, padY: number) => ({
  dimensions: {
    titleSize: `${title}dp`,
    lineSize: `${line}dp`,
    hintSize: `${hint}dp`,
    urgentTitleSize: `${urgentTitle}dp`,
    urgentLineSize: `${urgentLine}dp`,
    circleSize: `${circle}dp`,
    circleRadius: `${circle / 2}dp`,
    padX: `${padX}dp`,
    padY: `${padY}dp`,
  },
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The one APL document: constant, so it is validated once; each view only changes the datasource. */
// Frozen because it lives across warm Lambda invocations: nobody may patch it for one response.
export const SCREEN_DOCUMENT = deepFreeze({
  type: 'APL',
  version: APL_VERSION,
  description: 'Back Helper: one step of the conversation in large, high-contrast text, with an optional breathing circle.',
  theme: 'dark',
  resources: [
    {
      colors: {
        background: '#121212',
        urgentBackground: '#8B0000',
        text: WHITE,
        hint: '#E6E6E6',
        circle: '#6EC6FF',
      },
      strings: { textAlign: 'left' },
      ...size(44, 36, 26, 60, 46, 220, 48, 32),
    },
    { when: '${viewport.height < 560}', ...size(36, 30, 22, 48, 38, 160, 32, 20) },
    { when: '${viewport.width >= 1200 && viewport.height >= 700}', ...size(56, 44, 32, 76, 58, 320, 72, 48) },
    { when: "${viewport.mode == 'tv'}", ...size(44, 36, 26, 60, 46, 200, 64, 40) },
    { when: "${viewport.shape == 'round'}", strings: { textAlign: 'center' }, ...size(30, 26, 20, 40, 32, 150, 64, 48) },
  ],
  styles: {
    screenText: {
      values: [{ color: '@text', textAlign: '@textAlign' }],
    },
  },
  mainTemplate: {
    parameters: ['payload'],
    item: {
      type: 'Frame',
      width: '100vw',
      height: '100vh',
      backgroundColor: `\${${P}.urgent ? @urgentBackground : @background}`,
      bind: [
        { name: 'urgent', value: `\${${P}.urgent}` },
        // Wide screens put the circle beside the words; tall and round ones stack them.
        { name: 'row', value: `\${${P}.showBreathing && viewport.width > viewport.height * 1.3}` },
      ],
      item: {
        type: 'Container',
        width: '100%',
        height: '100%',
        direction: 'column',
        paddingLeft: '@padX',
        paddingRight: '@padX',
        paddingTop: '@padY',
        paddingBottom: '@padY',
        items: [
          {
            type: 'Text',
            id: 'title',
            style: 'screenText',
            text: `\${${P}.title}`,
            fontSize: '${urgent ? @urgentTitleSize : @titleSize}',
            fontWeight: 'bold',
            maxLines: 2,
            paddingBottom: '@padY',
          },
          {
            type: 'Container',
            id: 'body',
            height: 0,
            grow: 1,
            direction: "${row ? 'row' : 'column'}",
            items: [
              {
                type: 'Container',
                when: `\${${P}.showBreathing}`,
                alignItems: 'center',
                justifyContent: 'center',
                paddingRight: '${row ? @padX : 0}',
                paddingBottom: '${row ? 0 : @padY}',
                item: {
                  type: 'Frame',
                  id: 'breathCircle',
                  width: '@circleSize',
                  height: '@circleSize',
                  borderRadius: '@circleRadius',
                  backgroundColor: '@circle',
                  transform: [{ scale: CIRCLE_SCALE_OUT }],
                  onMount: [
                    {
                      type: 'Sequential',
                      // Keep the screen up while the circle breathes, even through long silent breaks.
                      screenLock: true,
                      commands: [
                        { type: 'Idle', delay: `\${${P}.breathing.startDelayMs}` },
                        {
                          type: 'Sequential',
                          repeatCount: `\${${P}.breathing.repeatCount}`,
                          commands: [
                            {
                              type: 'AnimateItem',
                              componentId: 'breathCircle',
                              duration: `\${${P}.breathing.inMs}`,
                              easing: 'ease-in-out',
                              value: [{ property: 'transform', from: [{ scale: CIRCLE_SCALE_OUT }], to: [{ scale: CIRCLE_SCALE_IN }] }],
                            },
                            {
                              type: 'AnimateItem',
                              componentId: 'breathCircle',
                              duration: `\${${P}.breathing.outMs}`,
                              easing: 'ease-in-out',
                              value: [{ property: 'transform', from: [{ scale: CIRCLE_SCALE_IN }], to: [{ scale: CIRCLE_SCALE_OUT }] }],
                            },
                          ],
                        },
                      ],
                    },
                  ],
                },
              },
              {
                type: 'ScrollView',
                id: 'lines',
                grow: 1,
                shrink: 1,
                width: "${row ? 0 : '100%'}",
                item: {
                  type: 'Container',
                  data: `\${${P}.lines}`,
                  items: [
                    {
                      type: 'Text',
                      style: 'screenText',
                      text: '${data}',
                      fontSize: '${urgent ? @urgentLineSize : @lineSize}',
                      fontWeight: "${urgent ? 'bold' : 'normal'}",
                      paddingBottom: '@padY',
                    },
                  ],
                },
              },
            ],
          },
          {
            type: 'Text',
            id: 'hint',
            when: `\${${P}.hint != ''}`,
            text: `\${${P}.hint}`,
            color: '@hint',
            textAlign: '@textAlign',
            fontSize: '@hintSize',
            fontStyle: 'italic',
            maxLines: 2,
            paddingTop: '@padY',
          },
        ],
      },
    },
  },
} as const);

const wholeMs = (n: number): number => (Number.isFinite(n) ? Math.max(0, Math.round(n)) : 0);

/** The per-view data; the document binds to it as `payload.backHelper`. */
export function screenDatasources(view: ScreenView): Record<string, unknown> {
  const b = view.breathing;
  return {
    [DATASOURCE]: {
      type: 'object',
      title: view.title,
      lines: [...view.lines],
      urgent: view.urgent === true,
      hint: view.hint ?? '',
      showBreathing: b !== undefined,
      breathing: b
        ? {
            inMs: wholeMs(b.inMs),
            outMs: wholeMs(b.outMs),
            startDelayMs: wholeMs(b.startDelayMs),
            // A Sequential runs once plus repeatCount times.
            repeatCount: Math.max(1, Math.round(Number.isFinite(b.breaths) ? b.breaths : 1)) - 1,
          }
        : null,
    },
  };
}

/** The directives that show `view`. Send them only when `supportsApl(requestEnvelope)` is true. */
export function screenDirectives(view: ScreenView): RenderDocumentDirective[] {
  return [
    {
      type: 'Alexa.Presentation.APL.RenderDocument',
      token: APL_TOKEN,
      document: SCREEN_DOCUMENT,
      datasources: screenDatasources(view),
    },
  ];
}

/** True only when the device says it renders APL; Alexa rejects APL directives sent to other devices. */
export function supportsApl(requestEnvelope: RequestEnvelope): boolean {
  return requestEnvelope?.context?.System?.device?.supportedInterfaces?.['Alexa.Presentation.APL'] != null;
}
