// What the person hears, with a tone and a buzz, when the detectors report something to put right.

import type { FormIssue } from '../motion/events.ts';
import { FORM_ISSUE_TEXT } from '../workout/program.ts';
import { type Cue, sayReply, tone, vibrate } from './cue.ts';

/** What the person hears for each form issue the detectors report: what the set screen shows too. */
export const FORM_WARNINGS: Readonly<Record<FormIssue, string>> = {
  'over-extension': FORM_ISSUE_TEXT['over-extension'].fix,
  'tabletop-lost': FORM_ISSUE_TEXT['tabletop-lost'].fix,
  'plank-sag': FORM_ISSUE_TEXT['plank-sag'].fix,
};

export function formWarnings(before: readonly FormIssue[], after: readonly FormIssue[]): Cue[] {
  return (
    after
      .filter((issue) => !before.includes(issue))
      // An answer to how the person moves, in turn with the counts: after the count being said, before
      // the next (see Speech.say).
      .flatMap((issue) => [tone('form'), vibrate('form'), sayReply(FORM_WARNINGS[issue], true)])
  );
}
