import type { LocalePack } from './types';

// Numbers and wording from docs/clinical/reference.md, "How urgent: four tiers" (S-NHS for the UK lines).

export const enUS: LocalePack = {
  id: 'en-US',
  callNow: 'Call 911 now, or your local emergency number.',
  emergencyNumber: '911',
  adviceToday: 'call your doctor or go to urgent care',
  doctor: 'doctor',
};

export const enCA: LocalePack = { ...enUS, id: 'en-CA' };

export const enGB: LocalePack = {
  id: 'en-GB',
  callNow: 'Call 999 now, or your local emergency number.',
  emergencyNumber: '999',
  adviceToday: 'call 111 or your GP',
  doctor: 'GP',
};

// en-AU skills also serve New Zealand, where the number is 111: say both.
export const enAU: LocalePack = {
  id: 'en-AU',
  callNow: 'Call triple zero now. In New Zealand, call 111. Or call the emergency number where you are.',
  emergencyNumber: 'triple zero or 111',
  adviceToday: 'see your GP today',
  doctor: 'GP',
};

export const enIN: LocalePack = {
  id: 'en-IN',
  callNow: 'Call 112 now, or your local emergency number.',
  emergencyNumber: '112',
  adviceToday: 'see a doctor today',
  doctor: 'doctor',
};

/** For a locale we do not know: English, and no number that might be wrong where the person is. */
export const generic: LocalePack = {
  id: 'en',
  callNow: 'Call your local emergency number now.',
  emergencyNumber: 'your local emergency number',
  adviceToday: 'see a doctor today',
  doctor: 'doctor',
};
