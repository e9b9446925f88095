// Timers and reminders through ask-sdk's service clients, with every failure turned into a result.
import type { interfaces, Request, RequestEnvelope, services, ui } from 'ask-sdk-model';

export const TIMERS_SCOPE = 'alexa::alerts:timers:skill:readwrite';
export const REMINDERS_SCOPE = 'alexa::alerts:reminders:skill:readwrite';
export type AlertScope = typeof TIMERS_SCOPE | typeof REMINDERS_SCOPE;

/** Alexa refuses timers longer than two hours. */
export const MAX_TIMER_MINUTES = 120;

export type FailureReason = 'server' | 'throttled' | 'timeout' | 'network' | 'unexpected';

/** What happened, never thrown: the flow decides what to say. */
export type AlertResult =
  | { readonly kind: 'ok'; readonly id: string }
  | { readonly kind: 'noPermission'; readonly status?: number }
  | { readonly kind: 'offline' }
  | { readonly kind: 'invalid'; readonly code?: string }
  | { readonly kind: 'limit'; readonly code?: string }
  | { readonly kind: 'failed'; readonly reason: FailureReason; readonly status?: number };

/** The part of ask-sdk's HandlerInput these calls need; a HandlerInput fits as it is. */
export interface AlexaApiContext {
  readonly requestEnvelope: RequestEnvelope;
  readonly serviceClientFactory?: services.ServiceClientFactory;
}

// ---------------------------------------------------------------------------------------------
// Timers

export interface AnnouncedTimerSpec {
  /** 1 s to 120 min; fractions become seconds. */
  readonly minutes: number;
  /** Shown and spoken by Alexa; must be unique among the person's timers. At most 256 characters. */
  readonly label: string;
  /** What Alexa says when the timer ends. */
  readonly announce: string;
  readonly locale: string;
  /** Whether Echo Show devices show the timer for a few seconds. */
  readonly visibility?: services.timerManagement.Visibility;
}

/** ISO-8601 duration as the Timers API wants it: 20 -> PT20M, 90 -> PT1H30M, 0.5 -> PT30S. */
export function isoDuration(minutes: number): string {
  const total = Math.round(minutes * 60);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}` || 'PT0S';
}

function timerProblem(spec: AnnouncedTimerSpec): string | undefined {
  if (!Number.isFinite(spec.minutes) || Math.round(spec.minutes * 60) < 1) return 'DURATION_TOO_SHORT';
  if (spec.minutes > MAX_TIMER_MINUTES) return 'DURATION_TOO_LONG';
  if (!spec.label.trim() || spec.label.length > 256) return 'INVALID_LABEL';
  if (!spec.announce.trim()) return 'INVALID_ANNOUNCEMENT';
  if (!spec.locale) return 'INVALID_LOCALE';
  return undefined;
}

/** The body of POST /v1/alerts/timers for a timer that speaks when it ends. */
export function announcedTimerRequest(spec: AnnouncedTimerSpec): services.timerManagement.TimerRequest {
  return {
    duration: isoDuration(spec.minutes),
    timerLabel: spec.label,
    creationBehavior: { displayExperience: { visibility: spec.visibility ?? 'VISIBLE' } },
    triggeringBehavior: {
      operation: { type: 'ANNOUNCE', textToAnnounce: [{ locale: spec.locale, text: spec.announce }] },
      notificationConfig: { playAudible: true },
    },
  };
}

/** Sets a timer that announces `announce` when it ends (docs/platform.md, services: at most 10 per person, 2 h each). */
export async function createAnnouncedTimer(ctx: AlexaApiContext, spec: AnnouncedTimerSpec): Promise<AlertResult> {
  const problem = timerProblem(spec);
  if (problem) return { kind: 'invalid', code: problem };
  const factory = usableFactory(ctx);
  if (!factory) return { kind: 'noPermission' };
  try {
    const created = await factory.getTimerManagementServiceClient().createTimer(announcedTimerRequest(spec));
    return typeof created?.id === 'string' && created.id ? { kind: 'ok', id: created.id } : { kind: 'failed', reason: 'unexpected' };
  } catch (error) {
    return classify(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Reminders

/** Local wall-clock time without zone, e.g. 2026-11-21T18:00:00 (a trailing Z is rejected by Alexa). */
export type LocalDateTime = string;

export interface ReminderRecurrence {
  readonly startDateTime?: LocalDateTime;
  readonly endDateTime?: LocalDateTime;
  /** RFC 5545 rules such as FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0;INTERVAL=1; */
  readonly rules: readonly string[];
}

export type ReminderTrigger =
  | {
      readonly type: 'absolute';
      readonly at: LocalDateTime;
      /** IANA zone; without it Alexa uses the device's zone. */
      readonly timeZoneId?: string;
      readonly recurrence?: ReminderRecurrence;
    }
  | { readonly type: 'relative'; readonly offsetSeconds: number };

export interface ReminderSpec {
  readonly trigger: ReminderTrigger;
  /** Spoken (and shown) when the reminder rings. Keep it discreet: no health details on shared screens. */
  readonly text: string;
  readonly locale: string;
  /** Also notify the Alexa phone app. Default true. */
  readonly pushNotification?: boolean;
  /** Passed through as requestTime when given (ISO 8601). */
  readonly requestTime?: string;
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "Every hour from `fromHour` until `untilHour` on `date`": one DAILY rule per hour, bounded by
 * start and end, which is the form Amazon's Reminders docs show (FREQ=HOURLY is not shown there).
 */
export function hourlyUntil(options: { date: string; fromHour: number; untilHour: number; minute?: number }): ReminderRecurrence {
  const minute = options.minute ?? 0;
  const rules: string[] = [];
  for (let hour = options.fromHour; hour <= options.untilHour; hour++) {
    rules.push(`FREQ=DAILY;BYHOUR=${hour};BYMINUTE=${minute};BYSECOND=0;INTERVAL=1;`);
  }
  return {
    startDateTime: `${options.date}T${pad(options.fromHour)}:${pad(minute)}:00`,
    endDateTime: `${options.date}T${pad(options.untilHour)}:${pad(minute)}:59`,
    rules,
  };
}

function reminderProblem(spec: ReminderSpec): string | undefined {
  if (!spec.text.trim()) return 'INVALID_TEXT';
  if (!spec.locale) return 'INVALID_LOCALE';
  const t = spec.trigger;
  if (t.type === 'relative') {
    return Number.isInteger(t.offsetSeconds) && t.offsetSeconds > 0 ? undefined : 'INVALID_OFFSET';
  }
  if (!LOCAL_DATE_TIME.test(t.at)) return 'INVALID_SCHEDULED_TIME';
  const r = t.recurrence;
  if (r) {
    if (r.rules.length === 0 || r.rules.some((rule) => !/^FREQ=/.test(rule))) return 'INVALID_RECURRENCE';
    for (const edge of [r.startDateTime, r.endDateTime]) if (edge !== undefined && !LOCAL_DATE_TIME.test(edge)) return 'INVALID_RECURRENCE';
  }
  return undefined;
}

/** The body of POST /v1/alerts/reminders. */
export function reminderRequest(spec: ReminderSpec): services.reminderManagement.ReminderRequest {
  const t = spec.trigger;
  const trigger: services.reminderManagement.Trigger =
    t.type === 'relative'
      ? { type: 'SCHEDULED_RELATIVE', offsetInSeconds: t.offsetSeconds }
      : {
          type: 'SCHEDULED_ABSOLUTE',
          scheduledTime: t.at,
          ...(t.timeZoneId ? { timeZoneId: t.timeZoneId } : {}),
          ...(t.recurrence
            ? {
                recurrence: {
                  ...(t.recurrence.startDateTime ? { startDateTime: t.recurrence.startDateTime } : {}),
                  ...(t.recurrence.endDateTime ? { endDateTime: t.recurrence.endDateTime } : {}),
                  recurrenceRules: [...t.recurrence.rules],
                },
              }
            : {}),
        };
  return {
    ...(spec.requestTime ? { requestTime: spec.requestTime } : {}),
    trigger,
    alertInfo: { spokenInfo: { content: [{ locale: spec.locale, text: spec.text }] } },
    pushNotification: { status: spec.pushNotification === false ? 'DISABLED' : 'ENABLED' },
  };
}

/** Creates a reminder. Only in session, and only after the person said yes to this one (docs/platform.md: services). */
export async function createReminder(ctx: AlexaApiContext, spec: ReminderSpec): Promise<AlertResult> {
  const problem = reminderProblem(spec);
  if (problem) return { kind: 'invalid', code: problem };
  const factory = usableFactory(ctx);
  if (!factory) return { kind: 'noPermission' };
  try {
    const created = await factory.getReminderManagementServiceClient().createReminder(reminderRequest(spec));
    return typeof created?.alertToken === 'string' && created.alertToken
      ? { kind: 'ok', id: created.alertToken }
      : { kind: 'failed', reason: 'unexpected' };
  } catch (error) {
    return classify(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Errors

/** No factory (skill built without an ApiClient) or no token (no consent, or a request type without one). */
function usableFactory(ctx: AlexaApiContext): services.ServiceClientFactory | undefined {
  const token = ctx.requestEnvelope?.context?.System?.apiAccessToken;
  if (!ctx.serviceClientFactory || typeof token !== 'string' || !token) return undefined;
  return ctx.serviceClientFactory;
}

// Amazon documents no status for "10 timers already": it arrives as a refusal whose code or message
// names a maximum (e.g. "Maximum number of timers"). Maxima of duration, size or call rate are not it.
const LIMIT_WORDS = /MAX|LIMIT|TOO[_ ]MANY/i;
const NOT_COUNT_WORDS = /DURATION|LENGTH|SIZE|CHARACTER|RATE|THROTTL/i;

function bodyField(body: unknown, field: 'code' | 'message'): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

/** Turns what ask-sdk's service clients throw into a result. Exported for tests. */
export function classify(error: unknown): AlertResult {
  const e = (error ?? {}) as { name?: unknown; statusCode?: unknown; response?: unknown };
  if (e.name === 'ServiceError' && typeof e.statusCode === 'number') {
    const status = e.statusCode;
    const code = bodyField(e.response, 'code');
    const words = `${code ?? ''} ${bodyField(e.response, 'message') ?? ''}`;
    if ((status === 400 || status === 403 || status === 409) && LIMIT_WORDS.test(words) && !NOT_COUNT_WORDS.test(words)) {
      return { kind: 'limit', code };
    }
    if (status === 401 || status === 403) return { kind: 'noPermission', status };
    if (status === 400) return { kind: 'invalid', code };
    if (status === 504) return { kind: 'offline' };
    if (status === 429) return { kind: 'failed', reason: 'throttled', status };
    if (status >= 500) return { kind: 'failed', reason: 'server', status };
    return { kind: 'failed', reason: 'unexpected', status };
  }
  if (e.name === 'TimeoutError') return { kind: 'failed', reason: 'timeout' };
  // ask-sdk throws a SyntaxError when a response body is not the JSON it promised.
  if (e.name === 'SyntaxError') return { kind: 'failed', reason: 'unexpected' };
  return { kind: 'failed', reason: 'network' };
}

// ---------------------------------------------------------------------------------------------
// Asking for permission

/** Voice consent: Alexa asks "Do you give Back Helper permission...?" and answers with a Connections.Response. */
export function askForPermissionDirective(scope: AlertScope, token = ''): interfaces.connections.SendRequestDirective {
  return {
    type: 'Connections.SendRequest',
    name: 'AskFor',
    payload: {
      '@type': 'AskForPermissionsConsentRequest',
      '@version': '2',
      permissionScopes: [{ permissionScope: scope, consentLevel: 'ACCOUNT' }],
    },
    token,
  };
}

/** Fallback where voice consent is unavailable: a card in the Alexa app linking to the skill's permissions. */
export function permissionCard(...scopes: AlertScope[]): ui.AskForPermissionsConsentCard {
  return { type: 'AskForPermissionsConsent', permissions: [...scopes] };
}

export type PermissionAnswer = 'ACCEPTED' | 'DENIED' | 'NOT_ANSWERED';
const ANSWERS: ReadonlySet<string> = new Set<PermissionAnswer>(['ACCEPTED', 'DENIED', 'NOT_ANSWERED']);

/**
 * The person's answer to an AskFor directive, or undefined when the request is not one.
 * A failed AskFor (status code other than 200, or no readable status) counts as NOT_ANSWERED.
 */
export function readPermissionAnswer(request: Request | undefined): PermissionAnswer | undefined {
  if (!request || request.type !== 'Connections.Response' || request.name !== 'AskFor') return undefined;
  const payload = (request.payload ?? {}) as { status?: unknown; permissionScopes?: unknown };
  if (typeof payload.status === 'string' && ANSWERS.has(payload.status)) return payload.status as PermissionAnswer;
  // Some documented examples put the status inside the scope entries.
  if (Array.isArray(payload.permissionScopes)) {
    for (const entry of payload.permissionScopes) {
      const status = (entry as { status?: unknown } | null)?.status;
      if (typeof status === 'string' && ANSWERS.has(status)) return status as PermissionAnswer;
    }
  }
  return 'NOT_ANSWERED';
}

/** Whether the request says the person has granted `scope` (Alexa lists granted scopes on each request). */
export function hasGrantedScope(envelope: RequestEnvelope, scope: AlertScope): boolean {
  return envelope?.context?.System?.user?.permissions?.scopes?.[scope]?.status === 'GRANTED';
}
