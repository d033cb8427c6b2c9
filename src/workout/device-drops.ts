// When a device dropped out of a session, as its record tells it afterwards: the time each set stood
// still for it, and the words the summary, History and the CSV say it in. Pure: read from the pauses
// the session kept and the sources it was recorded from.

import type { Placement, SourceInfo } from '../sensors/samples.ts';
import { deviceWord } from './by-hand.ts';
import { formatDuration, heldS } from './held-seconds.ts';
import { unsaidDrop } from './pauses.ts';
import { exerciseById } from './program.ts';
import type { Pause, SetRecord } from './session-state.ts';

/** The time a set stood still for a device out of reach, over how many drops. */
export interface DeviceDrop {
  readonly ms: number;
  readonly times: number;
  /** Where the device that dropped was worn, where every drop kept the same one (see DevicePause). */
  readonly placement?: Placement;
}

/**
 * A pause as the session's record keeps it: of a device's drop, where the device that dropped was
 * worn, which the session's devices alone cannot say where two could have (a strap and a watch).
 * Absent in a pause of the person's own, where it was not known, and in pauses kept before it was,
 * which are said by the session's devices (see droppedPlacement).
 */
export interface DevicePause extends Pause {
  readonly placement?: Placement;
}

/**
 * The session as it is after a change (`after`), the pause that change ended kept with where the
 * device whose drop made it was worn (`placement`, from the app that saw it go): unchanged where no
 * device's pause ended, or where that is not known.
 */
export function withDropPlacement<S extends { readonly pauses?: readonly DevicePause[] }>(
  before: S,
  after: S,
  placement: Placement | undefined,
): S {
  const ended = after.pauses?.at(-1);
  const isNew = (after.pauses?.length ?? 0) > (before.pauses?.length ?? 0);
  if (!placement || !ended || !isNew || !forDevice(ended)) return after;
  const placed: DevicePause = { ...ended, placement };
  return { ...after, pauses: [...after.pauses!.slice(0, -1), placed] };
}

/** The one placement `pauses` kept, where each kept the same. */
function onePlacement(pauses: readonly DevicePause[]): Placement | undefined {
  const placements = new Set(pauses.map((pause) => pause.placement));
  return placements.size === 1 ? pauses[0]?.placement : undefined;
}

/**
 * A pause the app made for a device that dropped out: back within its reconnecting, or given up for
 * lost. A pause the person made, or one kept before the app told them apart, is none.
 */
export function forDevice(pause: Pause): boolean {
  return pause.deviceDropped === true || pause.deviceLost === true;
}

/** A device's pause the person was told of (see unsaidDrop): the one the record says. */
function saidDrop(pause: Pause): boolean {
  return forDevice(pause) && !unsaidDrop(pause);
}

/** The part of `pause` within the set, ms (0 or less where none of it is). */
function msWithin(set: Pick<SetRecord, 'startedMs' | 'endedMs'>, pause: Pause): number {
  return Math.min(pause.atMs + pause.ms, set.endedMs) - Math.max(pause.atMs, set.startedMs);
}

/**
 * The time the device's pauses held the set still, from its start up to its end: null where none did
 * (a drop never said is none, see unsaidDrop).
 * Only the part of a pause within the set is the set's: a set skipped while paused ends at the skip,
 * the pause going on into the rest or the set after it, and one in the rest before the set counted
 * nothing less in it until the set began (a rest skipped while paused). Finish, with the device still
 * away, ends the pause with the set.
 */
export function dropIn(
  set: Pick<SetRecord, 'startedMs' | 'endedMs'>,
  pauses: readonly DevicePause[] | undefined,
): DeviceDrop | null {
  const within = (pauses ?? []).filter((pause) => saidDrop(pause) && msWithin(set, pause) > 0);
  return totalled(within, (pause) => msWithin(set, pause));
}

/** The drops `pauses` are, each `msOf` long: null where there are none. */
function totalled(pauses: readonly DevicePause[], msOf: (pause: Pause) => number): DeviceDrop | null {
  if (pauses.length === 0) return null;
  const placement = onePlacement(pauses);
  return {
    ms: pauses.reduce((sum, pause) => sum + msOf(pause), 0),
    times: pauses.length,
    ...(placement ? { placement } : {}),
  };
}

/**
 * What a saved session keeps of its pauses over (store/records.ts's SessionRow): in its snapshot, or
 * apart from it where it was kept without one.
 */
interface KeptPauses {
  readonly snapshot: { readonly pauses?: readonly DevicePause[] } | null;
  readonly pauses?: readonly DevicePause[];
}

/** The pauses over of a saved session, wherever it keeps them. */
export function sessionPauses(session: KeptPauses): readonly DevicePause[] | undefined {
  return session.snapshot?.pauses ?? session.pauses;
}

/**
 * Every time the session stood still for a device out of reach, in a set or in a rest (which it held
 * up): null where it never did. A pause kept before drops given up on were told from the person's own
 * reads as theirs, as it did.
 */
export function sessionDrop(pauses: readonly DevicePause[] | undefined): DeviceDrop | null {
  return totalled((pauses ?? []).filter(saidDrop), (pause) => pause.ms);
}

/**
 * Where the device that can have dropped out was worn: of the session's Bluetooth devices with motion
 * (a heart-rate-only strap's drop pauses nothing), their one placement, the strap's chest; undefined
 * where there were several (a strap and a watch): a drop then says its own (see DevicePause), one
 * kept before it could says "device".
 */
export function droppedPlacement(
  sources: readonly Pick<SourceInfo, 'kind' | 'placement'>[] | undefined,
): Placement | undefined {
  const placements = new Set(
    (sources ?? []).flatMap((s) => (s.kind === 'bluetooth' && s.placement ? [s.placement] : [])),
  );
  return placements.size === 1 ? [...placements][0] : undefined;
}

/** "strap out of reach", "watch out of reach twice", "device out of reach 3 times". */
function outOfReach(times: number, placement: Placement | undefined): string {
  const often = times === 1 ? '' : times === 2 ? ' twice' : ` ${times} times`;
  return `${deviceWord(placement)} out of reach${often}`;
}

/** Whole seconds, and a second for a moment's drop: "0 s" would say it did not drop at all. */
function droppedS(ms: number): number {
  return Math.max(1, Math.round(ms / 1000));
}

/**
 * Under a set, what its count or hold does not hold: "strap out of reach: 12 s not counted", "watch
 * out of reach twice: 1 min 5 s not counted" (the set stood still meanwhile, nothing counted or held).
 * The device is the one the drops kept, else where the session's devices say (`placement`).
 */
export function setDropText(drop: DeviceDrop, placement: Placement | undefined): string {
  const device = drop.placement ?? placement;
  return `${outOfReach(drop.times, device)}: ${formatDuration(droppedS(drop.ms))} not counted`;
}

/**
 * How a set's device was away, after its name, as its record says it: "motion stopped" where it stayed
 * connected each time (see SetRecord.deviceStopped), else "out of reach".
 */
export function setAwayWords(set: Pick<SetRecord, 'deviceStopped'>): string {
  return set.deviceStopped ? 'motion stopped' : 'out of reach';
}

/**
 * What a set's record says of its device out of reach: the time it stood still for it (see
 * setDropText), or, where it went on without it (begun with it away, or Resume tapped once it was
 * given up on, and nothing paused in the set), "strap out of reach during the set" ("strap motion
 * stopped during the set" of one that stayed connected): a hold timed by hand or reps never seen,
 * which read as the person's own. `tapsSaid`: the reps tapped with +1 while it was away are said
 * beside it ("Counted with +1, device out of reach"), which tells that much already.
 */
export function setAwayText(
  set: Pick<SetRecord, 'startedMs' | 'endedMs' | 'deviceAway' | 'deviceStopped' | 'countedAway'>,
  pauses: readonly DevicePause[] | undefined,
  placement: Placement | undefined,
  tapsSaid = false,
): string | null {
  const drop = dropIn(set, pauses);
  if (drop) return setDropText(drop, placement);
  if (!set.deviceAway || (tapsSaid && (set.countedAway ?? 0) > 0)) return null;
  // The set's device marked away by a drop never said, and by nothing else: nothing to say.
  if ((pauses ?? []).some((pause) => unsaidDrop(pause) && msWithin(set, pause) > 0)) return null;
  return `${deviceWord(placement)} ${setAwayWords(set)} during the set`;
}

/**
 * Under a set another device took over part way through (see SetRecord.takenOver), as the voice said
 * it then ("Strap out of reach: the watch counts from here"): "the watch counted from rep 4", "the
 * watch timed it from 12 s". Null where one device counted the set whole.
 */
export function setTakenOverText(set: Pick<SetRecord, 'exerciseId' | 'takenOver'>): string | null {
  const takenOver = set.takenOver;
  if (!takenOver) return null;
  const by = `the ${deviceWord(takenOver.placement)}`;
  if (takenOver.heldMsBefore !== null) {
    return `${by} timed it from ${formatDuration(heldS(takenOver.heldMsBefore))}`;
  }
  const unit = exerciseById(set.exerciseId).kind === 'breaths' ? 'breath' : 'rep';
  return `${by} counted from ${unit} ${takenOver.countBefore + 1}`;
}

/**
 * Among a session's facts, the time it stood still for the device, "strap out of reach 3 min 12 s":
 * its length, which leaves the pauses out, told nothing of them.
 */
export function sessionDropText(drop: DeviceDrop, placement: Placement | undefined): string {
  return `${deviceWord(drop.placement ?? placement)} out of reach ${formatDuration(droppedS(drop.ms))}`;
}
