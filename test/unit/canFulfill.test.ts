import { buildSkill } from '../../lambda/src/skill';

const skill = buildSkill({ skillId: 'amzn1.ask.skill.ours' });

/** A name-free request as Alexa sends it: no session, and here no user either. */
function cfir(intent: object) {
  return {
    version: '1.0',
    context: { System: { application: { applicationId: 'amzn1.ask.skill.ours' }, device: { deviceId: 'd', supportedInterfaces: {} }, apiEndpoint: 'https://api.amazonalexa.com' } },
    request: { type: 'CanFulfillIntentRequest', requestId: 'r', timestamp: '2026-11-21T10:00:00Z', locale: 'en-US', intent },
  } as never;
}

describe('name-free requests (CanFulfillIntentRequest)', () => {
  it('says YES to "my back went out", with no speech and no session state', async () => {
    const r = await skill.invoke(cfir({ name: 'BackWentOutIntent', confirmationStatus: 'NONE', slots: {} }));
    expect(r.response.canFulfillIntent).toEqual({ canFulfill: 'YES' });
    expect(r.response.outputSpeech).toBeUndefined();
    expect(r.response.reprompt).toBeUndefined();
    expect(r.sessionAttributes).toBeUndefined();
  });

  it('answers slot by slot for an emergency statement', async () => {
    const matched = await skill.invoke(cfir({
      name: 'EmergencyStatementIntent',
      slots: { sign: { name: 'sign', value: "can't feel my legs", resolutions: { resolutionsPerAuthority: [{ authority: 'x', status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: "can't feel my legs", id: 'LEGS_NUMB' } }] }] } } },
    }));
    expect(matched.response.canFulfillIntent).toEqual({ canFulfill: 'YES', slots: { sign: { canUnderstand: 'YES', canFulfill: 'YES' } } });
    const unmatched = await skill.invoke(cfir({
      name: 'EmergencyStatementIntent',
      slots: { sign: { name: 'sign', value: 'a funny toe', resolutions: { resolutionsPerAuthority: [{ authority: 'x', status: { code: 'ER_SUCCESS_NO_MATCH' } }] } } },
    }));
    expect(unmatched.response.canFulfillIntent?.canFulfill).toBe('MAYBE');
    expect(unmatched.response.canFulfillIntent?.slots?.sign?.canUnderstand).toBe('MAYBE');
  });

  it.each(['AMAZON.YesIntent', 'AMAZON.StopIntent', 'DoneIntent', 'SomeOtherSkillsIntent', ''])('says NO to %s', async (name) => {
    const r = await skill.invoke(cfir({ name, slots: {} }));
    expect(r.response.canFulfillIntent).toEqual({ canFulfill: 'NO' });
    expect(r.response.outputSpeech).toBeUndefined();
  });

  it('says NO when the intent is missing altogether', async () => {
    const r = await skill.invoke(cfir(undefined as never));
    expect(r.response.canFulfillIntent).toEqual({ canFulfill: 'NO' });
  });
});
