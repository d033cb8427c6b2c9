// What the start screen says of the virtual strap standing in: its simulated heart and moves must not
// pass for the person's, least of all when the strap they picked on an earlier visit was not found.
import { describe, expect, it } from 'vitest';
import { virtualStandsInWords } from '../../../src/ui/virtual-stands-in.ts';

const strap = { id: 'hrm', name: 'HRM-Dual 4242', kind: 'heart-rate', trying: false } as const;

describe('the words on the virtual strap standing in', () => {
  it('say no strap is connected, and where to connect one when the browser can', () => {
    expect(virtualStandsInWords([], true)).toBe(
      'No strap is connected, so the virtual strap stands in: a simulated person does each exercise as ' +
        'the screen asks, with a simulated heart. Connect a strap or a watch above to count your own.',
    );
    expect(virtualStandsInWords([], false)).toBe(
      'No strap is connected, so the virtual strap stands in: a simulated person does each exercise as ' +
        'the screen asks, with a simulated heart.',
    );
  });

  it('name the strap of an earlier visit being connected as the page loads, not "No strap is connected"', () => {
    expect(virtualStandsInWords([], true, true, [{ ...strap, trying: true }])).toBe(
      'HRM-Dual 4242 is being connected, so the virtual strap stands in meanwhile: a simulated person ' +
        'does each exercise as the screen asks, with a simulated heart.',
    );
  });

  it('name the strap of an earlier visit that was not found, say it is tried again, and how to stop that', () => {
    expect(virtualStandsInWords([strap], true)).toBe(
      'HRM-Dual 4242 was not found, so the virtual strap stands in meanwhile: a simulated person does ' +
        'each exercise as the screen asks, with a simulated heart. HRM-Dual 4242 is tried again by ' +
        'itself, or at Reconnect above, where Forget stops trying it.',
    );
  });

  it('say where Reconnect is where the devices above are a line that a tap opens (a phone)', () => {
    expect(virtualStandsInWords([strap], true, true)).toMatch(
      /HRM-Dual 4242 is tried again by itself, or at Reconnect in the line above, opened with a tap, where Forget stops trying it\.$/,
    );
  });

  it('name every device not found', () => {
    const watch = { id: 'w', name: 'InfiniTime', kind: 'pinetime', trying: true } as const;
    expect(virtualStandsInWords([strap, watch], true)).toMatch(
      /^HRM-Dual 4242 and InfiniTime were not found, .* They are tried again by themselves, or at Reconnect above, where Forget stops trying one\.$/,
    );
  });
});
