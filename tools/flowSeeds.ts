// States deep in the plan, reached by the flow itself, so every step is within a few turns of a start: shared by
// the model check (test/support/flowCheck.ts) and the review pack's diagram (tools/review/flowGraph.ts).
import { MORE_QUESTIONS, SCREEN } from '../lambda/src/content/screen';
import type { FlowEvent } from '../lambda/src/flow/events';
import type { State } from '../lambda/src/flow/state';
import { transition } from '../lambda/src/flow/transition';

export function seededStates(now: number): Array<{ label: string; state: State }> {
  const drive = (events: FlowEvent[]): State => {
    let s: State | undefined;
    for (const e of events) s = transition(s, e, { now }).state;
    return s!;
  };
  const noes = (n: number): FlowEvent[] => Array<FlowEvent>(n).fill({ kind: 'no' });
  const cleared: FlowEvent[] = [{ kind: 'entry' }, ...noes(SCREEN.length)];
  const atMore: FlowEvent[] = [...cleared, { kind: 'position', pos: 'BED' }, { kind: 'done' }, { kind: 'no' }];
  const later: FlowEvent[] = [...atMore, ...noes(MORE_QUESTIONS.length)];
  return [
    { label: 'screen, last question', state: drive([{ kind: 'entry' }, ...noes(SCREEN.length - 1)]) },
    { label: 'cleared, asked where they are', state: drive(cleared) },
    { label: 'standing, in a position for standing', state: drive([...cleared, { kind: 'position', pos: 'STANDING' }]) },
    { label: 'halfway through Q6-Q11', state: drive([...atMore, ...noes(5)]) },
    { label: 'Q6-Q11 done, tilts offered', state: drive(later) },
    { label: 'getting up', state: drive([...later, { kind: 'no' }, { kind: 'yes' }]) },
    { label: 'Q12-Q14', state: drive([...later, { kind: 'no' }, { kind: 'no' }]) },
    { label: 'the self-care plan', state: drive([...later, ...noes(5)]) },
    { label: 'T2 answered', state: drive([...atMore, { kind: 'yes' }]) },
    { label: 'emergency, breathing', state: drive([{ kind: 'entry' }, { kind: 'yes' }, { kind: 'yes' }]) },
    { label: 'emergency, cannot breathe', state: drive([{ kind: 'entry' }, { kind: 'emergency', sign: 'BREATHING' }]) },
  ];
}
