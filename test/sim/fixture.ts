// A tiny interaction model, so the simulator's tests do not depend on the real (changing) one.
import type { InteractionModel } from '../../tools/sim/model';

export const SKILL_ID = 'amzn1.ask.skill.test-fixture';

export function fixtureModel(): InteractionModel {
  return {
    interactionModel: {
      languageModel: {
        invocationName: 'back helper',
        intents: [
          { name: 'AMAZON.FallbackIntent', samples: [] },
          { name: 'AMAZON.YesIntent', samples: [] },
          { name: 'AMAZON.NoIntent', samples: [] },
          { name: 'AMAZON.HelpIntent', samples: ['how does back helper work'] },
          { name: 'AMAZON.StopIntent', samples: [] },
          { name: 'AMAZON.CancelIntent', samples: [] },
          { name: 'AMAZON.RepeatIntent', samples: [] },
          { name: 'AMAZON.StartOverIntent', samples: [] },
          { name: 'AMAZON.NextIntent', samples: [] },
          { name: 'AMAZON.PreviousIntent', samples: [] },
          { name: 'AMAZON.NavigateHomeIntent', samples: [] },
          {
            name: 'BackWentOutIntent',
            slots: [{ name: 'bodyPart', type: 'BodyPartType' }],
            samples: ['my back went out', 'my back just went out', 'i hurt my back', 'my {bodyPart} went out', 'my {bodyPart} hurts'],
          },
          { name: 'CantMoveIntent', samples: ["I can't move", "i can't get up"] },
          {
            name: 'BreatheIntent',
            slots: [{ name: 'minutes', type: 'AMAZON.NUMBER' }],
            samples: ['help me breathe', 'breathing exercise', 'breathe with me for {minutes} minutes'],
          },
          { name: 'GetOutOfBedIntent', samples: ['how do I get out of bed', "I'm stuck in bed"] },
          { name: 'PainLevelIntent', slots: [{ name: 'level', type: 'AMAZON.NUMBER' }], samples: ['my pain is {level}', 'it is a {level}'] },
          { name: 'FellIntent', slots: [{ name: 'where', type: 'PlaceType' }], samples: ['I fell', 'I fell {where}'] },
          { name: 'SlipIntent', slots: [{ name: 'how', type: 'MovementType' }], samples: ['I {how} on the stairs'] },
          { name: 'TopicIntent', slots: [{ name: 'topic', type: 'TopicType' }], samples: ['tell me about {topic}'] },
          { name: 'AskIntent', slots: [{ name: 'query', type: 'AMAZON.SearchQuery' }], samples: ['tell me {query}'] },
          { name: 'RedFlagIntent', slots: [{ name: 'sign', type: 'SignType' }], samples: ['I {sign}', 'my back hurts and I {sign}'] },
        ],
        types: [
          {
            name: 'BodyPartType',
            values: [
              { id: 'LOWER_BACK', name: { value: 'lower back', synonyms: ['low back', 'lumbar'] } },
              { id: 'NECK', name: { value: 'neck' } },
            ],
          },
          { name: 'PlaceType', values: [{ id: 'STAIRS', name: { value: 'down the stairs', synonyms: ['on the stairs'] } }] },
          { name: 'MovementType', values: [{ id: 'SLIP', name: { value: 'slipped', synonyms: ['tripped'] } }] },
          { name: 'SignType', values: [{ id: 'LEGS_NUMB', name: { value: "can't feel my legs", synonyms: ['have numb legs'] } }] },
          { name: 'TopicType', values: [{ name: { value: 'sleep', synonyms: ['sleeping'] } }] },
        ],
      },
    },
  };
}
