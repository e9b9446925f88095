import type { LocalePack } from './types';

// S-NHS / CLINICAL.md urgency tiers: US wording.
export const enUS: LocalePack = {
  id: 'en-US',
  emergencyNumber: '911',
  adviceToday: 'call your doctor or go to urgent care',
  doctor: 'doctor',
};
