// What the virtual strap's simulated person is doing, in one line beside the devices, so that a demo
// shows its ground truth. Pure: the device panel shows it, and its unit tests read it without a browser.
import type { PerformedActivity, VirtualPersonStatus } from '../sensors/virtual/virtual-strap.ts';
import { plural } from './format.ts';

/** "Virtual person: holding 12 s", "Virtual person: resting after 8 reps", … */
export function describePerson(status: VirtualPersonStatus): string {
  const { current, previous } = status;
  if (current.activity.kind === 'exercise') return `Virtual person: ${describePerformed(current, false)}`;
  if (current.activity.kind === 'position') {
    if (status.habit === 'stays-up') return 'Virtual person: staying on their feet';
    if (current.wrongWay) return 'Virtual person: lying the wrong way';
    return current.inPosition
      ? 'Virtual person: in position, waiting for Go'
      : 'Virtual person: getting into position';
  }
  if (current.activity.kind === 'rest') {
    return previous?.activity.kind === 'exercise'
      ? `Virtual person: resting after ${describePerformed(previous, true)}`
      : 'Virtual person: resting';
  }
  return 'Virtual person: waiting';
}

function describePerformed(performed: PerformedActivity, finished: boolean): string {
  if (performed.holdS !== null)
    return `${finished ? 'a hold of' : 'holding'} ${Math.floor(performed.holdS)} s`;
  if (performed.activity.kind === 'exercise' && performed.activity.exercise === 'bat-hang') {
    return `${plural(performed.breathsDone, 'breath')}${finished ? '' : ' done'}`;
  }
  return `${plural(performed.repsDone, 'rep')}${finished ? '' : ' done'}`;
}
