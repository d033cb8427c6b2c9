// The phone's own accelerometer (DeviceMotionEvent) as a fallback motion source when no wearable is
// at hand: lay or strap the phone on the body. `accelerationIncludingGravity` is in m/s²; the motion
// pipeline wants g and needs gravity in the signal to find the tilt.

import { BehaviorSubject, type Observable, Subject } from 'rxjs';
import type { AccelFrame, SourceInfo } from '../samples.ts';

/** Standard gravity, m/s² per g. */
export const STANDARD_GRAVITY = 9.80665;

/** No event this long after starting: this device has no motion sensor (desktops fire none). */
const NO_MOTION_TIMEOUT_MS = 3000;

type PermissionState = 'granted' | 'denied' | 'default';
interface DeviceMotionEventWithPermission {
  requestPermission?: () => Promise<PermissionState>;
}

/**
 * What phone motion says when it cannot be used: a headline of a few words a 180 px wide line shows
 * whole (see HEADLINE_MAX_CHARS), then why, and what to do.
 */
export const PHONE_MOTION_WORDS = {
  'no-sensors': 'No motion sensors: this browser offers none. Use the virtual strap instead.',
  refused:
    'Motion blocked: motion access was refused. Allow "Motion & Orientation Access" for this site in the ' +
    'browser settings.',
  // Said on the device that failed, a phone as often as a computer: it cannot point to "a phone".
  silent: 'No motion sensor: this device reports no motion. Use a strap, a watch or the virtual strap.',
} as const;

export class PhoneMotionProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PhoneMotionProblem';
  }
}

/**
 * Asks for motion access where the browser wants it (iOS Safari 13+: `DeviceMotionEvent
 * .requestPermission()`, which must run inside a tap). Elsewhere there is nothing to ask.
 */
export async function requestMotionPermission(scope: typeof globalThis = globalThis): Promise<void> {
  const ctor = (scope as { DeviceMotionEvent?: DeviceMotionEventWithPermission }).DeviceMotionEvent;
  if (!ctor) throw new PhoneMotionProblem(PHONE_MOTION_WORDS['no-sensors']);
  if (typeof ctor.requestPermission !== 'function') return;
  // Asked where the browser will not ask (outside a tap), it throws: that, too, leaves motion refused,
  // and the person is told so in words, not in the browser's.
  const answer = await ctor.requestPermission().catch(() => 'denied' as const);
  if (answer !== 'granted') {
    throw new PhoneMotionProblem(PHONE_MOTION_WORDS.refused);
  }
}

/** One frame per devicemotion event (60 Hz or so), timed on the event's arrival. */
export class PhoneMotion {
  readonly info: SourceInfo = { id: 'phone', name: 'Phone motion', kind: 'phone', placement: 'phone' };
  /** 'unavailable' when no event came at all: there is no sensor to lose, only none to use. */
  readonly connection$ = new BehaviorSubject<'connecting' | 'connected' | 'unavailable' | 'lost'>(
    'connecting',
  );
  readonly accel$: Observable<AccelFrame>;
  readonly problem$ = new Subject<string>();
  private readonly frames = new Subject<AccelFrame>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly target: EventTarget,
    private readonly now: () => number,
  ) {
    this.accel$ = this.frames.asObservable();
  }

  start(): void {
    this.target.addEventListener('devicemotion', this.onMotion);
    this.timer = setTimeout(() => {
      if (this.connection$.value !== 'connecting') return;
      this.connection$.next('unavailable');
      this.problem$.next(PHONE_MOTION_WORDS.silent);
    }, NO_MOTION_TIMEOUT_MS);
  }

  stop(): void {
    this.target.removeEventListener('devicemotion', this.onMotion);
    if (this.timer !== null) clearTimeout(this.timer);
    this.connection$.next('lost');
    this.frames.complete();
  }

  private readonly onMotion = (event: Event): void => {
    const a = (event as DeviceMotionEvent).accelerationIncludingGravity;
    // Some browsers fire events with null axes when the sensor is missing or blocked.
    if (!a || a.x === null || a.y === null || a.z === null) return;
    if (this.connection$.value !== 'connected') this.connection$.next('connected');
    this.frames.next({
      t0Ms: this.now(),
      dtMs: 0,
      xyz: Float32Array.of(a.x / STANDARD_GRAVITY, a.y / STANDARD_GRAVITY, a.z / STANDARD_GRAVITY),
    });
  };
}
