import type { SessionRow } from '../store/records.ts';
import { wallClockOf } from '../workout/calendar.ts';

type Started = Pick<SessionRow, 'startedAt' | 'utcOffsetMin'>;

/** When a session began, at the time it had where it was done, as its week is counted (see wallClockOf). */
function startedAtIn(session: Started, locale: string, timeStyle: 'short' | 'medium'): string {
  return wallClockOf(session.startedAt, session.utcOffsetMin).toLocaleString(locale, {
    dateStyle: 'medium',
    timeStyle,
    timeZone: 'UTC',
  });
}

/** Each of `words` that occurs more than once in them. */
function sharedOf(words: readonly string[]): Set<string> {
  return new Set(words.filter((word, i) => words.indexOf(word) !== i));
}

/**
 * The time each listed session began, which names its row and its buttons ("Delete Nov 23, 2026,
 * 8:02 AM"): to the minute, to the second where two rows share a minute, and numbered where they share
 * the second too (one session imported twice), so that no two buttons of one name open, export or
 * delete different sessions, and the eye tells the rows apart as a screen reader does. The sessions
 * after the last listed that share its minute, on the next page (`unlisted`), are told apart from it
 * already: its name does not change as the next page is shown.
 */
export function sessionTimes(
  listed: readonly Started[],
  locale: string,
  unlisted: readonly Started[] = [],
): string[] {
  const sessions = [...listed, ...unlisted];
  const minutes = sessions.map((s) => startedAtIn(s, locale, 'short'));
  const sharedMinutes = sharedOf(minutes);
  const times = sessions.map((s, i) =>
    sharedMinutes.has(minutes[i]!) ? startedAtIn(s, locale, 'medium') : minutes[i]!,
  );
  const sharedSeconds = sharedOf(times);
  return times.slice(0, listed.length).map((time, i) => {
    if (!sharedSeconds.has(time)) return time;
    const alike = times.flatMap((other, j) => (other === time ? [j] : []));
    return `${time} (${alike.indexOf(i) + 1} of ${alike.length})`;
  });
}
