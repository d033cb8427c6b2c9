// The values a backup's fields can hold and the words that say so where one does not: the exercises,
// the times and lengths of time, the heart rates and weights a session of the app can have.

import { PROGRAM } from '../../workout/program.ts';
import { LIMITS } from '../../workout/settings.ts';
import type { Reader } from './reader.ts';

export const EXERCISE_IDS = PROGRAM.map((e) => e.id);

export const DAY_MS = 24 * 3600 * 1000;
// The times and lengths of time a session can have. A start 30,000 years ago or a session of −5 s
// would be listed as such and break the weekly charts, which draw every week from the first to the
// last. A device's clock can be wrong, though (reset to 1970, or years ahead), and what the app
// recorded by it must restore: any start from 1970 to 2100 is one it may have written.
export const EARLIEST_START_MS = 0;
export const LATEST_START_MS = Date.UTC(2100, 0, 1);
export const WALL_TIME = 'should be a time from 1970 to 2100';
/** Above any heart rate (the app keeps none over 250 bpm): one edited to 5000 would flatten the charts. */
export const MAX_BPM = 300;
export const HEART_RATE = 'should be a heart rate from 0 to 300 bpm';
export const RECOVERY = 'should be a change of heart rate from −300 to 300 bpm';
/** A month: longer than any session, even one left paused in an open tab over a holiday. */
export const MAX_SESSION_MS = 31 * DAY_MS;
export const LENGTH = 'should be a length of time from 0 to 31 days';
const IN_SESSION = 'should be a time within the session, from its start to 31 days after';
export const timeInSession = (t: Reader) => t.within(0, MAX_SESSION_MS, IN_SESSION);
export const maybeTimeInSession = (t: Reader) => t.nullable(timeInSession);
export const WEIGHT = `should be a weight from ${LIMITS.weightKg.min} to ${LIMITS.weightKg.max} kg`;

export const PLACEMENTS = ['chest', 'wrist', 'arm', 'phone'] as const;

export const FORM_ISSUES = ['over-extension', 'tabletop-lost', 'plank-sag'] as const;
// Far above any plan the settings allow (10 sets of each of seven exercises), so that an older
// version's plan still reads, and far below what only an edit could make.
export const MAX_SESSION_SETS = 1000;
