// Every line the header's devices can be shut to (see renderAtAGlance) within its clamp of two lines, on
// a phone with its text at twice its size and, for the longest, on a phone held upright; each device's
// whole name a tap away.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AwaitedDevice, DeviceState, DeviceStatus } from '../../src/app/device-status.ts';
import type { SourceInfo } from '../../src/sensors/samples.ts';
import '../../src/ui/bb-device-panel.ts';
import type { BbDevicePanel } from '../../src/ui/bb-device-panel.ts';
import { chestStrapStatus, heartRateStrapStatus } from '../device-status.ts';
import { layOutAsTheApp } from './mount.ts';

const virtual = chestStrapStatus({ id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual' });
const h10 = (connection: DeviceStatus['connection'] = 'connected') =>
  chestStrapStatus({ name: 'Polar H10 0000E2E0', connection });
const bangle = (patch: Partial<DeviceStatus> = {}) =>
  chestStrapStatus({ id: 'bangle', name: 'Bangle.js 5e6f', kind: 'bangle', placement: 'wrist', ...patch });
const replay = (connection: DeviceStatus['connection']) =>
  chestStrapStatus({ id: 'replay', name: 'Replay of 7 Dec 2026, 18:04', kind: 'replay', connection });
const phoneMotion = chestStrapStatus({
  id: 'phone',
  name: 'Phone motion',
  kind: 'phone',
  placement: 'phone',
  heartRate: false,
});
const hrmDual = heartRateStrapStatus({ name: 'HRM-Dual 4242' });

const earlierH10 = (trying: boolean): AwaitedDevice => ({
  id: 'h10',
  name: 'Polar H10 0000E2E0',
  kind: 'polar',
  trying,
});
const earlierBangle: AwaitedDevice = { id: 'bangle', name: 'Bangle.js 5e6f', kind: 'bangle', trying: false };
const earlierWatch: AwaitedDevice = { id: 'pinetime', name: 'InfiniTime', kind: 'pinetime', trying: false };

function sourceKind(device: DeviceStatus): SourceInfo['kind'] {
  return device.kind === 'virtual' || device.kind === 'replay' || device.kind === 'phone'
    ? device.kind
    : 'bluetooth';
}

function state(devices: DeviceStatus[], patch: Partial<DeviceState> = {}): DeviceState {
  const [first] = devices;
  return {
    source: first
      ? { id: first.id, name: first.name, kind: sourceKind(first), placement: first.placement }
      : null,
    connection: 'connected',
    countsMotion: true,
    malformedPackets: 0,
    problem: null,
    problemsTold: 0,
    noBluetooth: null,
    rejoining: false,
    awaiting: [],
    firstTries: [],
    battery: null,
    devices,
    ...patch,
  };
}

/** Each state the line shuts to out of a session, named by the devices it holds. */
const OUT_OF_A_SESSION: [string, DeviceState][] = [
  ['no device', state([])],
  ['the virtual strap', state([virtual])],
  ['a strap connected', state([h10()])],
  ['a strap connecting', state([h10('connecting')])],
  ['a strap reconnecting', state([h10('reconnecting')])],
  ['a strap out of reach', state([h10('lost')])],
  ['a strap not available', state([h10('unavailable')])],
  ['a heart-rate strap', state([hrmDual])],
  ['a watch', state([bangle()])],
  ['a watch whose motion stopped', state([bangle({ motionStopped: true })])],
  ['a replay', state([replay('connected')])],
  ['a replay finished', state([replay('ended')])],
  ['phone motion', state([phoneMotion])],
  ['a strap and a watch', state([h10(), bangle()])],
  ['a strap and a watch reconnecting', state([h10(), bangle({ connection: 'reconnecting' })])],
  ['a strap and a watch out of reach', state([h10(), bangle({ connection: 'lost' })])],
  [
    'the virtual strap, a strap of an earlier visit not found',
    state([virtual], { awaiting: [earlierH10(false)] }),
  ],
  [
    'the virtual strap, a strap of an earlier visit tried again',
    state([virtual], { awaiting: [earlierH10(true)] }),
  ],
  [
    'the virtual strap, two devices of an earlier visit not found',
    state([virtual], { awaiting: [earlierH10(false), earlierBangle] }),
  ],
  ['a strap of an earlier visit on its first try', state([virtual], { firstTries: [earlierH10(true)] })],
  [
    'three devices of an earlier visit on their first tries',
    state([virtual], { firstTries: [earlierH10(true), earlierBangle, earlierWatch] }),
  ],
  [
    'a strap of an earlier visit on its first try, a watch not found',
    state([virtual], { firstTries: [earlierH10(true)], awaiting: [earlierBangle] }),
  ],
  [
    'a strap of an earlier visit on its first try, two not found',
    state([virtual], { firstTries: [earlierH10(true)], awaiting: [earlierBangle, earlierWatch] }),
  ],
  ['a strap connected, a watch of an earlier visit not found', state([h10()], { awaiting: [earlierBangle] })],
];

/** In a session: the devices alone, those of an earlier visit tried by themselves. */
const IN_A_SESSION: [string, DeviceState][] = [
  ['a strap connected', state([h10()])],
  ['a strap reconnecting', state([h10('reconnecting')])],
  ['a strap and a watch', state([h10(), bangle()])],
  ['a strap and a watch whose motion stopped', state([h10(), bangle({ motionStopped: true })])],
  ['a strap, a watch out of reach gone on without', state([h10(), bangle({ connection: 'lost' })])],
  ['a strap, a watch reconnecting gone on without', state([h10(), bangle({ connection: 'reconnecting' })])],
];

/** The names the panel gives each device and each device of an earlier visit, opened. */
function fullNames(device: DeviceState): string[] {
  return [...device.devices, ...device.firstTries, ...device.awaiting].map((d) => d.name);
}

async function mount(device: DeviceState, compact: boolean): Promise<BbDevicePanel> {
  const panel = document.createElement('bb-device-panel');
  panel.device = device;
  panel.compact = compact;
  // In a session, a watch away is one the set goes on without (see BbDevicePanel.goneOnWithout).
  if (compact)
    panel.goneOnWithout = device.devices.filter(
      (d) => d.placement === 'wrist' && d.connection !== 'connected',
    );
  document.body.append(panel);
  await panel.updateComplete;
  return panel;
}

/** The line shut, its words and whether they fit its clamp: a cut line is taller inside than seen. */
function shutLine(panel: BbDevicePanel) {
  const gist = panel.shadowRoot!.querySelector<HTMLElement>('details.glance:not([open]) .gist');
  if (!gist) throw new Error('the devices are not a line');
  return { words: gist.textContent, cut: gist.scrollHeight > gist.clientHeight, height: gist.scrollHeight };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe.each([
  // The header's padding out of a session and in one.
  ['out of a session', OUT_OF_A_SESSION, false, '0 0.375rem'],
  ['in a session', IN_A_SESSION, true, '0 0.75rem'],
] as const)('the devices line at 180 × 320 %s', (_, cases, compact, padding) => {
  it.each(cases)(
    'says %s within its two lines, each device named whole a tap away',
    async (_name, device) => {
      const restore = await layOutAsTheApp(180, 320, padding);
      try {
        const panel = await mount(device, compact);
        const line = shutLine(panel);
        expect(line, `"${line.words}", ${line.height} px`).toEqual({ ...line, cut: false });
        await userEvent.click(panel.shadowRoot!.querySelector<HTMLElement>('details.glance > summary')!);
        const opened = panel.shadowRoot!.querySelector('.glance-body')!.textContent!;
        for (const name of compact ? device.devices.map((d) => d.name) : fullNames(device)) {
          expect(opened).toContain(name);
        }
      } finally {
        await restore();
      }
    },
  );
});

// The longest lines of a phone held upright out of a session, where Bluetooth makes the devices a line.
describe('the devices line at 360 × 640 out of a session', () => {
  it.each([
    OUT_OF_A_SESSION.find(([name]) => name === 'a strap connected, a watch of an earlier visit not found')!,
    OUT_OF_A_SESSION.find(
      ([name]) => name === 'a strap of an earlier visit on its first try, a watch not found',
    )!,
    OUT_OF_A_SESSION.find(
      ([name]) => name === 'the virtual strap, two devices of an earlier visit not found',
    )!,
    OUT_OF_A_SESSION.find(
      ([name]) => name === 'a strap of an earlier visit on its first try, two not found',
    )!,
  ])('says %s within its two lines', async (_name, device) => {
    const restore = await layOutAsTheApp(360, 640, '0 0.75rem');
    try {
      const panel = await mount(device, false);
      const line = shutLine(panel);
      expect(line, `"${line.words}", ${line.height} px`).toEqual({ ...line, cut: false });
    } finally {
      await restore();
    }
  });
});
