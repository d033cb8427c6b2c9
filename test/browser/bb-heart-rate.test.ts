import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import type { DeviceStatus } from '../../src/app/devices.ts';
import { noReadingReason } from '../../src/ui/bb-heart-rate.ts';
import { mount } from './mount.ts';

function strap(patch: Partial<DeviceStatus>): DeviceStatus {
  return {
    id: 'strap',
    name: 'HRM-Dual',
    kind: 'heart-rate',
    placement: null,
    connection: 'connected',
    battery: null,
    malformedPackets: 0,
    sampleRateHz: null,
    heartRate: true,
    motion: false,
    ...patch,
  };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('bb-heart-rate', () => {
  it('shows the reading, or no number and why there is none', async () => {
    const element = await mount('bb-heart-rate', { bpm: 152 });
    const root = element.shadowRoot as ShadowRoot;
    expect(root.querySelector('.bpm')?.textContent).toBe('152');
    await expect.element(page.getByText('Heart rate', { exact: true })).toBeInTheDocument();

    element.bpm = null;
    element.absence = 'HRM-Dual is out of reach';
    await element.updateComplete;
    expect(root.querySelector('.bpm')?.textContent).toBe('--');
    expect(root.querySelector('.bpm')?.getAttribute('title')).toBe('HRM-Dual is out of reach');
    await expect
      .element(page.getByText('Heart rate: no reading, HRM-Dual is out of reach'))
      .toBeInTheDocument();
  });

  it('says why the device heart rate is read from gives none', () => {
    expect(noReadingReason([strap({})])).toBeNull();
    expect(noReadingReason([strap({ connection: 'reconnecting' })])).toBe(
      'HRM-Dual is out of reach, reconnecting',
    );
    expect(noReadingReason([strap({ connection: 'lost' })])).toBe('HRM-Dual is out of reach');
    expect(noReadingReason([strap({ kind: 'replay', name: 'Recording', connection: 'ended' })])).toBe(
      'the replay has finished',
    );
    // A watch giving motion only does not speak for the heart rate.
    expect(
      noReadingReason([strap({}), strap({ id: 'w', name: 'Watch', heartRate: false, connection: 'lost' })]),
    ).toBeNull();
  });
});
