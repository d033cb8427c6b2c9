import { EMPTY } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Member } from '../../../src/app/device-members.ts';
import { type HeardOfDevice, MotionCounting } from '../../../src/app/motion-counting.ts';
import type { Placement } from '../../../src/sensors/samples.ts';

/** A device as the motion counting reads it: an accelerometer (or none) worn at `placement`. */
function device(id: string, placement: Placement | null, accelerometer = true): Member {
  return { status: { id, placement }, accel$: accelerometer ? EMPTY : null } as unknown as Member;
}

const connected: HeardOfDevice = {
  connection: 'connected',
  motionRefused: false,
  motionStopped: false,
  handedOver: false,
};

/** A MotionCounting over devices whose last word is kept in `heard`, connected unless told otherwise. */
function counting(): { motion: MotionCounting; heard: Map<Member, HeardOfDevice> } {
  const heard = new Map<Member, HeardOfDevice>();
  return { motion: new MotionCounting((m) => heard.get(m)), heard };
}

describe('MotionCounting', () => {
  const strap = device('strap', 'chest');
  const watch = device('watch', 'wrist');

  it('reads motion from the device best placed, and from none without an accelerometer or a placement', () => {
    const { motion } = counting();
    expect(motion.motionDevice([watch, strap], null)).toBe(strap);
    expect(motion.motionDevice([strap, watch], 'lat-pulldown')).toBe(watch);
    expect(motion.motionDevice([device('h9', 'chest', false)], 'superman')).toBeNull();
    expect(motion.motionDevice([device('replay', null)], 'superman')).toBeNull();
  });

  it('reads no motion from a device unavailable or refusing its motion, as last heard', () => {
    const { motion, heard } = counting();
    heard.set(strap, { ...connected, connection: 'unavailable' });
    expect(motion.motionDevice([strap, watch], 'superman')).toBe(watch);
    heard.set(strap, { ...connected, motionRefused: true });
    expect(motion.motionDevice([strap, watch], 'superman')).toBe(watch);
    heard.set(strap, connected);
    expect(motion.motionDevice([strap, watch], 'superman')).toBe(strap);
  });

  it('hands the set to the watch once the strap is handed over, away a while or lost, and keeps it there when the strap comes back', () => {
    const { motion, heard } = counting();
    const both = [strap, watch];
    heard.set(strap, connected);
    heard.set(watch, connected);
    const set = { key: 'superman 1', exercise: 'superman' as const };
    motion.countSetUnderWay(set);
    expect(motion.followSetCounter(set, both, both)).toBe(false);
    expect(motion.motionDevice(both, 'superman')).toBe(strap);

    // Reconnecting, not away long enough to hand over yet: the set waits for the strap.
    heard.set(strap, { ...connected, connection: 'reconnecting' });
    expect(motion.followSetCounter(set, both, both)).toBe(false);
    expect(motion.motionDevice(both, 'superman')).toBe(strap);

    heard.set(strap, { ...connected, connection: 'reconnecting', handedOver: true });
    expect(motion.followSetCounter(set, both, both)).toBe(true);
    expect(motion.motionDevice(both, 'superman')).toBe(watch);
    expect(motion.exercisesCounted(both, both)[0].handedOver).toContain('superman');
    heard.set(strap, { ...connected, connection: 'lost', handedOver: true });
    expect(motion.followSetCounter(set, both, both)).toBe(false);
    expect(motion.motionDevice(both, 'superman')).toBe(watch);

    heard.set(strap, connected);
    expect(motion.followSetCounter(set, both, both)).toBe(false);
    expect(motion.motionDevice(both, 'superman')).toBe(watch);
    expect(motion.exercisesCounted(both, both)[1].counts).toContain('superman');
  });

  it('counts the next set from the device best placed again, and a set told twice as one', () => {
    const { motion, heard } = counting();
    const both = [strap, watch];
    heard.set(watch, connected);
    heard.set(strap, { ...connected, motionStopped: true });
    const first = { key: 'superman 1', exercise: 'superman' as const };
    motion.countSetUnderWay(first);
    motion.followSetCounter(first, both, both);
    expect(motion.motionDevice(both, 'superman')).toBe(watch);

    heard.set(strap, connected);
    motion.countSetUnderWay(first);
    expect(motion.motionDevice(both, 'superman')).toBe(watch);
    const second = { key: 'superman 2', exercise: 'superman' as const };
    motion.countSetUnderWay(second);
    expect(motion.motionDevice(both, 'superman')).toBe(strap);
  });

  it('gives a device listed but not read from (still being connected) no exercise to count', () => {
    const { motion } = counting();
    const [joining, counted] = motion.exercisesCounted([strap], [watch, strap]);
    expect(joining).toEqual({ counts: [], handedOver: [] });
    expect(counted.counts).toContain('superman');
  });

  it('tells the set under way to those that follow it, once for each set', () => {
    const { motion } = counting();
    const told: (string | null)[] = [];
    const watching = motion.setUnderWay$.subscribe((set) => told.push(set?.key ?? null));
    const set = { key: 'superman 1', exercise: 'superman' as const };
    motion.countSetUnderWay(set);
    motion.countSetUnderWay(set);
    motion.countSetUnderWay(null);
    watching.unsubscribe();
    expect(told).toEqual([null, 'superman 1', null]);
  });
});
