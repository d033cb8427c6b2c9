// The devices a set goes on without, and their lines, are the same arrays from render to render while
// the same devices are gone, so that the header and the set are not updated four times a second.
import { describe, expect, it } from 'vitest';
import { goneOnWithout } from '../../../src/app/device-needs.ts';
import { GoneOnWithoutKept } from '../../../src/ui/gone-on-without-kept.ts';
import { chestStrapStatus, heartRateStrapStatus, watchStatus } from '../../device-status.ts';

const superman = { exercise: 'superman', position: false } as const;
const lostStrap = heartRateStrapStatus({ connection: 'lost' });
const devices = [chestStrapStatus({ heartRate: false }), lostStrap];

describe('the devices a set goes on without, kept', () => {
  it('are the array kept before while the same devices are gone from the same exercise', () => {
    const kept = new GoneOnWithoutKept();
    const first = kept.keep(goneOnWithout(devices, superman), 'superman');
    expect(first).toEqual([lostStrap]);
    expect(kept.keep(goneOnWithout(devices, superman), 'superman')).toBe(first);
  });

  it('are the new array once another device is gone, or for another exercise', () => {
    const kept = new GoneOnWithoutKept();
    const first = kept.keep(goneOnWithout(devices, superman), 'superman');
    const watch = watchStatus({ motionStopped: true });
    const more = goneOnWithout([...devices, watch], superman);
    expect(kept.keep(more, 'superman')).toBe(more);
    expect(more).toEqual([lostStrap, watch]);
    const sameForTheBridge = goneOnWithout([...devices, watch], superman);
    expect(kept.keep(sameForTheBridge, 'glute-bridge')).toBe(sameForTheBridge);
    expect(first).toEqual([lostStrap]);
  });

  it('give their lines once, the same array again until the devices change', () => {
    const kept = new GoneOnWithoutKept();
    kept.keep(goneOnWithout(devices, superman), 'superman');
    const lines = kept.lines(devices);
    expect(lines).toEqual(['Heart-rate strap out of reach: keep going']);
    expect(kept.lines(devices)).toBe(lines);
    kept.keep([], 'superman');
    expect(kept.lines(devices)).toEqual([]);
  });
});
