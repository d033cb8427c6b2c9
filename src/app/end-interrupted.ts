// An interrupted session closed where it stopped: kept as it was left, when it is not resumed.

import { allHeartRate } from '../export/replay.ts';
import { fromSnapshot, toSnapshot, totalGapMs } from '../store/codec.ts';
import type { SessionBundle, SessionRow, SetRow } from '../store/records.ts';
import { summarize } from '../store/summary.ts';
import { endOffsetOf } from '../workout/calendar.ts';
import { timerMs } from '../workout/pauses.ts';
import { reduceSession } from '../workout/session.ts';

/**
 * An interrupted session ended where it stopped, as Finish would have ended it then: a set in the
 * middle keeps the reps or the hold counted so far, and the summary covers everything done.
 */
export function endInterrupted(bundle: SessionBundle): { session: SessionRow; sets: SetRow[] } {
  const { session } = bundle;
  const snapshot = session.snapshot;
  const endMs = snapshot?.nowMs ?? session.summary.durationMs;
  const newSets: SetRow[] = [];
  let finalSnapshot = snapshot;
  if (snapshot) {
    const state = fromSnapshot(snapshot, session.plan, bundle.sets, 0);
    // Finished where it was, paused or not: a pause, and a hold paused in it, end where the pause
    // began, as Finish during a pause ends them. The set under way is Finish's to keep or leave out:
    // one that never ran (still getting into position, or moments after "Go") is no set, and one the
    // person was in that counted nothing is kept skipped, as the summary lists it after Finish.
    const finished = reduceSession(state, { type: 'finish', nowMs: endMs });
    // Each set kept as Finish ended it: a drawing-in whose person was still settling after "Go" held
    // nothing the detectors saw, and is skipped (see endingAtTap), not cut short at no time held.
    finished.completed.slice(bundle.sets.length).forEach((record, i) => {
      newSets.push({
        ...record,
        sessionId: session.id,
        index: bundle.sets.length + i,
      });
    });
    finalSnapshot = toSnapshot(finished, 0);
  }
  const sets = [...bundle.sets, ...newSets];
  const endedAt = session.startedAt + endMs + totalGapMs(session);
  return {
    session: {
      ...session,
      status: 'finished',
      endedAt,
      ...endOffsetOf(session.utcOffsetMin, endedAt),
      snapshot: finalSnapshot,
      summary: summarize(
        sets,
        allHeartRate(bundle),
        finalSnapshot ? timerMs(finalSnapshot) : endMs,
        session.plan,
      ),
    },
    sets: newSets,
  };
}

/**
 * A backup's unfinished session with no state saved to go on from (left out as unreadable: see
 * export/backup/read-saved-state.ts's readSnapshot) ended where it stopped, as Keep it as it is ends
 * one: offered to resume, it has nowhere to resume from. Any other session is imported as it is.
 */
export function endedIfNothingToResume(bundle: SessionBundle): SessionBundle {
  if (bundle.session.status !== 'active' || bundle.session.snapshot !== null) return bundle;
  const ended = endInterrupted(bundle);
  return { ...bundle, session: ended.session, sets: [...bundle.sets, ...ended.sets] };
}
