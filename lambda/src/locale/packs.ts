import type { LocalePack } from './types';

// Numbers and wording from docs/clinical/reference.md (urgency tiers; S-NHS for the UK lines).

export const enUS: LocalePack = {
  id: 'en-US',
  callNow: 'Call 911 now, or your local emergency number.',
  emergencyNumber: '911',
  emergencyDept: 'the emergency room',
  adviceToday: 'call your doctor or go to urgent care',
  doctor: 'doctor',
  paracetamol: 'acetaminophen, or Tylenol',
  antiInflammatory: 'ibuprofen or naproxen',
  physio: 'physical therapist',
};

export const enCA: LocalePack = { ...enUS, id: 'en-CA', physio: 'physiotherapist' };

export const enGB: LocalePack = {
  id: 'en-GB',
  callNow: 'Call 999 now, or your local emergency number.',
  emergencyNumber: '999',
  emergencyDept: 'A and E',
  adviceToday: 'call 111 or your GP',
  doctor: 'GP',
  paracetamol: 'paracetamol',
  // S-NG59 context: in the UK naproxen needs a prescription, so only ibuprofen is named.
  antiInflammatory: 'ibuprofen',
  physio: 'physio',
};

// en-AU skills also serve New Zealand, where the number is 111: its own sentence, never "triple zero or 111".
export const enAU: LocalePack = {
  id: 'en-AU',
  callNow: 'Call triple zero now, or the emergency number where you are. In New Zealand, call 111.',
  emergencyNumber: 'triple zero',
  otherCountry: 'In New Zealand, call 111.',
  emergencyDept: 'the emergency department',
  adviceToday: 'see your GP today',
  doctor: 'GP',
  paracetamol: 'paracetamol',
  antiInflammatory: 'ibuprofen or naproxen',
  physio: 'physio',
};

export const enIN: LocalePack = {
  id: 'en-IN',
  callNow: 'Call 112 now, or your local emergency number.',
  emergencyNumber: '112',
  emergencyDept: 'the emergency department',
  adviceToday: 'see a doctor today',
  doctor: 'doctor',
  paracetamol: 'paracetamol',
  antiInflammatory: 'ibuprofen or naproxen',
  physio: 'physiotherapist',
};

/** For a locale we do not know: English, and no number that might be wrong where the person is. */
export const generic: LocalePack = {
  id: 'en',
  callNow: 'Call your local emergency number now.',
  emergencyNumber: 'your local emergency number',
  emergencyDept: 'the emergency department',
  adviceToday: 'see a doctor today',
  doctor: 'doctor',
  // Where a medicine is sold without a prescription differs by country: name only the most common one.
  paracetamol: 'paracetamol, also called acetaminophen',
  antiInflammatory: 'ibuprofen',
  physio: 'physiotherapist',
};
