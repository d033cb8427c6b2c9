// Which device's motion the app reads, and which exercises each device counts, by the rule of
// motion-routing.ts applied to the devices as they were last heard (connected, away long enough to hand
// over or given up for lost, their motion refused or stopped) and to the set under way, which the
// device counting it keeps to its end.

import { BehaviorSubject, type Observable } from 'rxjs';
import type { Placement } from '../sensors/samples.ts';
import { type ExerciseId, PROGRAM } from '../workout/program.ts';
import type { Member } from './device-members.ts';
import type { ConnectionState } from './device-status.ts';
import {
  exercisesCountedBy,
  exercisesHandedOverBy,
  motionDeviceFor,
  type SetCounted,
} from './motion-routing.ts';

/** What a device's streams last said of it, as the motion routing weighs it. */
export interface HeardOfDevice {
  readonly connection: ConnectionState;
  /** It has motion but refused to stream it. */
  readonly motionRefused: boolean;
  /** Its motion stream stopped while it stays connected. */
  readonly motionStopped: boolean;
  /** Away long enough, or given up for lost, that what it counts goes to another (see handedOverOf). */
  readonly handedOver: boolean;
}

/** A set under way, by its key (one per set of a session), and its exercise. */
export interface SetUnderWay {
  readonly key: string;
  readonly exercise: ExerciseId;
}

/** A device motion can be read from (see givesMotion), as the motion routing weighs it. */
interface MotionGiver {
  readonly member: Member;
  readonly placement: Placement;
  readonly lost: boolean;
  readonly motionStopped: boolean;
}

/** The exercises a device counts, and those it is best placed for that another counts in its place. */
export interface ExercisesCounted {
  readonly counts: ExerciseId[];
  readonly handedOver: ExerciseId[];
}

export class MotionCounting {
  /** The set under way; null outside a set. */
  private readonly setUnderWay = new BehaviorSubject<SetUnderWay | null>(null);
  readonly setUnderWay$: Observable<SetUnderWay | null> = this.setUnderWay.asObservable();
  /**
   * The device counting the set under way (see motionDeviceFor's `counting`): it keeps the set to
   * its end, as a count changes source mid-set only where its device is away (see handedOverOf).
   */
  private setCounter: Member | null = null;

  /** `heardOf` tells what each device's streams last said of it; nothing yet for one just listed. */
  constructor(private readonly heardOf: (member: Member) => HeardOfDevice | undefined) {}

  /**
   * The set under way (its key and exercise), or none (null, in a rest too): the device counting it
   * keeps it to its end, and the one best placed counts the next (see motionDeviceFor).
   */
  countSetUnderWay(set: SetUnderWay | null): void {
    if (set?.key === this.setUnderWay.value?.key) return;
    this.setCounter = null;
    this.setUnderWay.next(set);
  }

  /**
   * The device `exercise`'s motion is read from among `readFrom`, the devices the app reads; for
   * `exercise` null, the one read outside a set. Null where none gives motion that sees it.
   */
  motionDevice(readFrom: readonly Member[], exercise: ExerciseId | null): Member | null {
    const givers = this.motionGivers(readFrom);
    const set = this.setCounted(givers);
    const counting = set?.exercise === exercise ? set.counting : null;
    return motionDeviceFor(exercise, givers, counting)?.member ?? null;
  }

  /**
   * Settles which device counts `set`, the set under way as last heard, among `readFrom`; whether it
   * was handed on from a device still `listed` (its own away, see handedOverOf, or its motion stopped), which
   * changes what the app reads. A set just begun is read from its device as it begins, and one whose
   * device was taken away (the virtual strap making room) from the devices read then.
   */
  followSetCounter(set: SetUnderWay | null, readFrom: readonly Member[], listed: readonly Member[]): boolean {
    const setCounter = set && this.motionDevice(readFrom, set.exercise);
    const handedOn =
      this.setCounter !== null && listed.includes(this.setCounter) && setCounter !== this.setCounter;
    this.setCounter = setCounter;
    return handedOn;
  }

  /**
   * The exercises of the program each of `listed` counts among `readFrom`, by the rule that picks
   * motionDevice, and those another counts in its place while it is away (see handedOverOf).
   */
  exercisesCounted(readFrom: readonly Member[], listed: readonly Member[]): ExercisesCounted[] {
    const givers = this.motionGivers(readFrom);
    const set = this.setCounted(givers);
    const ids = PROGRAM.map((e) => e.id);
    return listed.map((m) => {
      const giver = givers.find((g) => g.member === m);
      return giver
        ? {
            counts: exercisesCountedBy(giver, givers, ids, set),
            handedOver: exercisesHandedOverBy(giver, givers, ids, set),
          }
        : { counts: [], handedOver: [] };
    });
  }

  /**
   * Whether a device can be the one motion is read from: it has an accelerometer placed on the body,
   * and it is not 'unavailable'. A device that never gave any motion (phone motion on a computer
   * without a motion sensor) is no motion device at all, so sets start when due and are counted by
   * hand, as with a heart-rate-only strap, until it gives some.
   */
  private givesMotion(m: Member): boolean {
    const heard = this.heardOf(m);
    return (
      m.accel$ !== null &&
      m.status.placement !== null &&
      heard?.connection !== 'unavailable' &&
      heard?.motionRefused !== true
    );
  }

  /**
   * The devices of `readFrom` motion can be read from now, each with where it sits, whether it is given
   * up on and whether its motion stopped (see givesMotion, and MotionDevice in motion-routing.ts).
   */
  private motionGivers(readFrom: readonly Member[]): MotionGiver[] {
    return readFrom
      .filter((m) => this.givesMotion(m))
      .map((member) => ({
        member,
        placement: member.status.placement as Placement,
        lost: this.heardOf(member)?.handedOver === true,
        motionStopped: this.heardOf(member)?.motionStopped === true,
      }));
  }

  /** The set under way among `givers`, and the device counting it (see motionDeviceFor's `counting`). */
  private setCounted(givers: readonly MotionGiver[]): SetCounted<MotionGiver> | null {
    const set = this.setUnderWay.value;
    return (
      set && { exercise: set.exercise, counting: givers.find((g) => g.member === this.setCounter) ?? null }
    );
  }
}
