import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { DeviceState, DeviceStatus } from '../../src/app/device-status.ts';
import { KNOWN_DEVICE_WORDS, RECORDING_WORDS } from '../../src/app/device-words.ts';
import { BLUETOOTH_WORDS, deviceFailed, noBluetoothWords } from '../../src/sensors/ble/errors.ts';
import { deviceProblem } from '../../src/sensors/ble/problems.ts';
import { PHONE_MOTION_WORDS } from '../../src/sensors/phone/phone-motion.ts';
import '../../src/ui/bb-device-panel.ts';
import type { BbDevicePanel } from '../../src/ui/bb-device-panel.ts';
import { splitProblem } from '../../src/ui/problem-line.ts';
import { PROGRAM } from '../../src/workout/program.ts';
import { chestStrapStatus } from '../device-status.ts';
import { rolesNamed } from './accessibility-tree.ts';
import { layOutAsTheApp } from './mount.ts';

function status(patch: Partial<DeviceStatus>): DeviceStatus {
  return chestStrapStatus({ name: 'Polar H10 0000E2E0', battery: 80, ...patch });
}

const TRUNK_EXERCISES = PROGRAM.map((e) => e.id).filter((id) => id !== 'lat-pulldown');

function state(devices: DeviceStatus[], patch: Partial<DeviceState> = {}): DeviceState {
  return {
    source: { id: 'x', name: devices.map((d) => d.name).join(' + '), kind: 'bluetooth', placement: 'chest' },
    connection: 'connected',
    countsMotion: true,
    malformedPackets: devices.reduce((n, d) => n + d.malformedPackets, 0),
    problem: null,
    problemsTold: patch.problem ? 1 : 0,
    noBluetooth: null,
    rejoining: false,
    awaiting: [],
    firstTries: [],
    battery: 80,
    devices,
    ...patch,
  };
}

async function mount(device: DeviceState): Promise<BbDevicePanel> {
  const element = document.createElement('bb-device-panel');
  element.device = device;
  document.body.append(element);
  await element.updateComplete;
  return element;
}

afterEach(() => {
  document.body.replaceChildren();
});

/** Devices of an earlier visit, the H10 tried first, the others waiting their turn. */
const EARLIER_VISIT = {
  h10: { id: 'h10', name: 'Polar H10 0000E2E0', kind: 'polar', trying: true },
  bangle: { id: 'bangle', name: 'Bangle.js 5e6f', kind: 'bangle', trying: false },
  watch: { id: 'pinetime', name: 'InfiniTime', kind: 'pinetime', trying: false },
} as const;

/** The devices of an earlier visit on their first tries as the page loads, the virtual strap standing in. */
function earlierVisitOnItsWay(firstTries: DeviceState['firstTries']): DeviceState {
  const virtual = status({ id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', battery: null });
  return state([virtual], {
    source: { id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', placement: 'chest' },
    firstTries,
  });
}

/** The line at a glance: the devices and their states, in a word or at length. */
function glanceLine(panel: BbDevicePanel): HTMLElement {
  return panel.shadowRoot!.querySelector<HTMLElement>('details.glance .gist')!;
}

/** Each device of an earlier visit the panel names, with its state. */
function namedOnTheirWay(panel: BbDevicePanel): (string | null | undefined)[][] {
  return [...panel.shadowRoot!.querySelectorAll('.awaited')].map((a) => [
    a.querySelector('.name')?.textContent,
    a.querySelector('.state')?.textContent,
  ]);
}

/** The panel of an earlier visit's H10 on its first tries, now trying its three devices in turn. */
async function allThreeOfTheEarlierVisitTried(panel: BbDevicePanel): Promise<void> {
  const { h10, bangle, watch } = EARLIER_VISIT;
  panel.device = { ...panel.device, firstTries: [h10, bangle, watch] };
  await panel.updateComplete;
}

/** Every device of the earlier visit is named, in the order they are tried, a tap on the line away. */
async function expectAllThreeNamedATapAway(panel: BbDevicePanel): Promise<void> {
  await userEvent.click(panel.shadowRoot!.querySelector<HTMLElement>('details.glance > summary')!);
  expect(namedOnTheirWay(panel)).toEqual([
    ['Polar H10 0000E2E0', 'connecting…'],
    ['Bangle.js 5e6f', 'waiting'],
    ['InfiniTime', 'waiting'],
  ]);
}

describe('bb-device-panel', () => {
  // The panel laid out whole, as a laptop's header has it: in a phone's window, out of a session with
  // Bluetooth, the devices fold to a line a tap opens (its tests say the size they are at).
  let restore: () => Promise<void>;
  beforeAll(async () => {
    restore = await layOutAsTheApp(1366, 768);
  });
  afterAll(async () => {
    await restore();
  });

  it('keeps the menu button as wide as its words when the menu is open', async () => {
    document.body.style.width = '1300px';
    try {
      const panel = await mount(state([status({})]));
      const summary = panel.shadowRoot!.querySelector('summary')!;
      const shut = summary.getBoundingClientRect().width;
      await userEvent.click(summary);
      await expect.poll(() => panel.shadowRoot!.querySelector('details')!.open).toBe(true);
      expect(summary.getBoundingClientRect().width).toBe(shut);
      expect(shut).toBeLessThan(400);
    } finally {
      document.body.style.width = '';
    }
  });

  it('says calmly, in a session going on without it, that a device away is reconnecting, as the set does', async () => {
    const plainStrap = status({
      name: 'HRM-Dual',
      kind: 'heart-rate',
      placement: null,
      connection: 'reconnecting',
      sampleRateHz: null,
      motion: false,
      counts: [],
    });
    const panel = await mount(state([plainStrap], { countsMotion: false }));
    panel.compact = true;
    panel.goneOnWithout = [plainStrap];
    await panel.updateComplete;
    const strap = () => page.getByText('HRM-Dual').element().parentElement as HTMLElement;
    const shown = strap().querySelector('.state') as HTMLElement;
    expect(shown.textContent).toBe('reconnecting: keep going');
    expect(strap().querySelector('.retry')).toBeNull();
    // In the words' quiet colour, not the warning's: nothing stopped.
    const quiet = getComputedStyle(panel.shadowRoot!.querySelector('.note') as HTMLElement).color;
    expect(getComputedStyle(shown).color).toBe(quiet);

    const lost = { ...plainStrap, connection: 'lost' as const };
    panel.device = state([lost], { countsMotion: false });
    panel.goneOnWithout = [lost];
    await panel.updateComplete;
    expect(strap().querySelector('.state')?.textContent).toBe('out of reach: keep going');
    expect(page.getByRole('button', { name: 'Reconnect' }).element()).toBeTruthy();

    // Paused for it, the session waits: the alarm, as before.
    panel.goneOnWithout = [];
    panel.device = state([plainStrap], { countsMotion: false });
    await panel.updateComplete;
    expect(strap().querySelector('.state')?.textContent).toBe('connection lost');
    expect(strap().querySelector('.retry')?.textContent).toBe('reconnecting…');
    expect(getComputedStyle(strap().querySelector('.state') as HTMLElement).color).not.toBe(quiet);
  });

  it('says of a strap given up for lost that the watch counts its set, as the set does', async () => {
    const strap = status({
      connection: 'lost',
      counts: ['glute-bridge', 'bird-dog', 'bat-hang', 'elbow-plank'],
      handedOver: ['superman', 'drawing-in'],
    });
    const watch = status({
      id: 'watch',
      name: 'InfiniTime',
      kind: 'pinetime',
      placement: 'wrist',
      heartRate: false,
      counts: ['superman', 'drawing-in', 'lat-pulldown'],
    });
    const panel = await mount(state([strap, watch]));
    panel.compact = true;
    panel.goneOnWithout = [strap];
    panel.sessionExercise = 'superman';
    await panel.updateComplete;
    const row = (name: string) => page.getByText(name).element().parentElement as HTMLElement;
    expect(row('Polar H10').querySelector('.state')?.textContent).toBe('out of reach: the watch counts');
    // In a lat pulldown, the watch's own, the strap is gone on without.
    panel.sessionExercise = 'lat-pulldown';
    await panel.updateComplete;
    expect(row('Polar H10').querySelector('.state')?.textContent).toBe('out of reach: keep going');
  });

  it('says calmly only the devices the set goes on without, beside one it needs that is away', async () => {
    // The person paused a floor exercise as the H10 that counts it and a watch that counts the lat
    // pulldown both dropped: the set goes on without the watch, and waits for the strap.
    const h10 = status({ connection: 'reconnecting', counts: TRUNK_EXERCISES });
    const watch = status({
      id: 'watch',
      name: 'InfiniTime',
      kind: 'pinetime',
      placement: 'wrist',
      connection: 'reconnecting',
      heartRate: false,
      motion: false,
      counts: ['lat-pulldown'],
    });
    const panel = await mount(state([h10, watch]));
    panel.compact = true;
    panel.goneOnWithout = [watch];
    await panel.updateComplete;
    const row = (name: string) => page.getByText(name).element().parentElement as HTMLElement;
    expect(row('InfiniTime').querySelector('.state')?.textContent).toBe('reconnecting: keep going');
    expect(row('Polar H10 0000E2E0').querySelector('.state')?.textContent).toBe('connection lost');
  });

  it('shows each device with its connection, battery, stream rate, role and dropped packets', async () => {
    await mount(
      state([
        status({ connection: 'reconnecting', malformedPackets: 2, counts: TRUNK_EXERCISES }),
        status({
          id: 'watch',
          name: 'InfiniTime',
          kind: 'pinetime',
          placement: 'wrist',
          battery: 12,
          sampleRateHz: null,
          heartRate: false,
          motion: false,
          counts: ['lat-pulldown'],
        }),
      ]),
    );
    const h10 = page.getByText('Polar H10 0000E2E0').element().parentElement as HTMLElement;
    expect(h10.querySelector('.state')?.textContent).toBe('connection lost');
    expect(h10.querySelector('.retry')?.textContent).toBe('reconnecting…');
    // No stream runs while the strap is away: its rate is not shown as if it did.
    expect(h10.querySelector('.rate')).toBeNull();
    // Each one's part, as motion is routed: the strap's "motion 50 Hz" does not count the pulldown.
    expect(h10.querySelector('.role')?.textContent).toBe(
      'heart rate; counts all but the wide-grip lat pulldown',
    );
    const watch = page.getByText('InfiniTime').element().parentElement as HTMLElement;
    expect(watch.querySelector('.role')?.textContent).toBe('counts the wide-grip lat pulldown');
    expect(h10.querySelector('.malformed')?.textContent).toBe('2 bad packets dropped');
    await expect.element(page.getByLabelText('battery 12 percent')).toHaveAttribute('data-low');
    // A battery read before the strap went is not its battery now.
    expect(h10.querySelector('.battery')).toBeNull();
  });

  it('says what a watch alone counts, and nothing of a strap or the virtual strap alone, which count everything', async () => {
    const bangle = status({
      id: 'bangle',
      name: 'Bangle.js 1a2b',
      kind: 'bangle',
      placement: 'wrist',
      battery: 72,
      heartRate: false,
      counts: ['superman', 'drawing-in', 'lat-pulldown'],
    });
    const panel = await mount(state([bangle]));
    // Only "battery 72 %" before: four of seven exercises by hand were learned set by set.
    await expect
      .element(page.getByText('counts the superman, drawing-in and wide-grip lat pulldown; the rest by hand'))
      .toBeVisible();
    for (const alone of [status({}), status({ id: 'virtual', name: 'Virtual strap', kind: 'virtual' })]) {
      panel.device = state([alone]);
      await panel.updateComplete;
      expect(panel.shadowRoot!.querySelector('.role'), alone.name).toBeNull();
    }
  });

  it('shows the battery of a device in reach, and of one away only a low one, as it was', async () => {
    const panel = await mount(state([status({ battery: 80 })]));
    await expect.element(page.getByLabelText('battery 80 percent')).not.toHaveAttribute('data-low');
    panel.device = state([status({ battery: 80, connection: 'lost' })], { connection: 'lost' });
    await panel.updateComplete;
    expect(panel.shadowRoot?.querySelector('.battery')).toBeNull();
    panel.device = state([status({ battery: 9, connection: 'lost' })], { connection: 'lost' });
    await panel.updateComplete;
    await expect.element(page.getByLabelText('battery was 9 percent')).toHaveTextContent('battery was 9 %');
  });

  it('sends the kind the person picks from the menu, and a disconnect for one device of several', async () => {
    const panel = await mount(
      state([status({}), status({ id: 'watch', name: 'InfiniTime', kind: 'pinetime' })]),
    );
    const sent: unknown[] = [];
    panel.addEventListener('bb-connect-device', (e) => sent.push(e.detail));
    panel.addEventListener('bb-disconnect-device', (e) => sent.push(e.detail));
    await userEvent.click(page.getByText('Add a device'));
    await userEvent.click(page.getByRole('button', { name: 'Phone motion' }));
    await userEvent.click(page.getByRole('button', { name: 'Disconnect InfiniTime' }));
    expect(sent).toEqual([{ kind: 'phone' }, { id: 'watch' }]);
  });

  it('shows in the menu the virtual strap, and phone motion, in use as the current one, not a button that does nothing', async () => {
    const virtual = status({ id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', battery: null });
    const panel = await mount(
      state([virtual], {
        source: { id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', placement: 'chest' },
      }),
    );
    await userEvent.click(page.getByText('More devices'));
    const kinds = page.getByRole('group', { name: 'Device kinds' });
    await expect.element(kinds).toBeVisible();
    const buttons = () =>
      [...kinds.element().querySelectorAll('button[data-kind]')].map((b) => b.textContent);
    // Tapped, it gave the virtual strap in use again: nothing new, from a button that looked like those that do.
    expect(buttons()).toEqual([
      'Heart-rate strap',
      'Polar H10 / Verity Sense',
      'PineTime watch',
      'micro:bit',
      'Bangle.js watch',
      'Phone motion',
    ]);
    const current = kinds.element().querySelector<HTMLElement>('[aria-current="true"]')!;
    expect(current.textContent?.replace(/\s+/g, ' ').trim()).toBe('✓ Virtual strap in use');
    // No button's border nor its fill: read as the state it is, as the header's words are.
    const look = getComputedStyle(current);
    expect(look.borderTopStyle === 'none' || look.borderTopColor === 'rgba(0, 0, 0, 0)').toBe(true);
    expect(look.backgroundColor).toBe('rgba(0, 0, 0, 0)');
    expect(look.cursor).not.toBe('pointer');

    // Phone motion running beside a strap: the same. The strap's kind still opens the chooser, for
    // another strap of it, connected, reconnecting or out of reach.
    const phone = status({
      id: 'phone',
      name: 'Phone motion',
      kind: 'phone',
      placement: 'phone',
      battery: null,
    });
    for (const connection of ['connected', 'reconnecting', 'lost'] as const) {
      panel.device = state([status({ connection }), phone]);
      await panel.updateComplete;
      expect(buttons(), connection).toContain('Polar H10 / Verity Sense');
      expect(buttons(), connection).not.toContain('Phone motion');
    }
    // Phone motion that is not running is tried again by its button.
    panel.device = state([status({}), { ...phone, connection: 'unavailable' }]);
    await panel.updateComplete;
    expect(buttons()).toContain('Phone motion');
    expect(kinds.element().querySelector('[aria-current]')).toBeNull();
  });

  it('says in the menu what each device is, so that a watch is found by what it is, not only by its brand', async () => {
    await mount(state([status({})]));
    await userEvent.click(page.getByText('Add a device'));
    const kinds = page.getByRole('group', { name: 'Device kinds' });
    await expect.element(kinds).toBeVisible();
    const named = [...kinds.element().querySelectorAll('button[data-kind]')].map((b) => b.textContent);
    expect(named).toEqual([
      'Heart-rate strap',
      'Polar H10 / Verity Sense',
      'PineTime watch',
      'micro:bit',
      'Bangle.js watch',
      'Phone motion',
      'Virtual strap',
    ]);
  });

  it('shows the rate of a motion stream only while it runs', async () => {
    const panel = await mount(state([status({})]));
    const rate = () => panel.shadowRoot?.querySelector('.rate')?.textContent ?? null;
    expect(rate()).toBe('motion 50 Hz');
    for (const connection of ['reconnecting', 'lost'] as const) {
      panel.device = state([status({ connection })], { connection });
      await panel.updateComplete;
      expect(rate()).toBeNull();
    }
  });

  it('offers Reconnect for a device the app gave up on, out of reach as the voice and the set screen say', async () => {
    const panel = await mount(state([status({ connection: 'lost' })], { connection: 'lost' }));
    expect(panel.shadowRoot?.querySelector('.state')?.textContent).toBe('out of reach');
    expect(panel.shadowRoot?.textContent).not.toMatch(/connection lost/);
    const sent: unknown[] = [];
    panel.addEventListener('bb-reconnect-device', (e) => sent.push(e.detail));
    await userEvent.click(page.getByRole('button', { name: 'Reconnect' }));
    expect(sent).toEqual([{ id: 'h10' }]);
  });

  it('names a strap of an earlier visit that was not found, and offers to reconnect it without the chooser', async () => {
    const virtual = status({ id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual' });
    const awaited = { id: 'hrm', name: 'HRM-Dual 4242', kind: 'heart-rate', trying: false } as const;
    const panel = await mount(
      state([virtual], {
        source: { id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', placement: 'chest' },
        awaiting: [awaited],
      }),
    );
    const sent: unknown[] = [];
    panel.addEventListener('bb-reconnect-device', (e) => sent.push(e.detail));
    const strap = page.getByText('HRM-Dual 4242', { exact: true }).element().parentElement as HTMLElement;
    expect(strap.querySelector('.state')?.textContent).toBe('not found');
    await userEvent.click(page.getByRole('button', { name: 'Reconnect HRM-Dual 4242' }));
    expect(sent).toEqual([{ id: 'hrm' }]);
    // While it is tried, it says so, and a second tap does not try it twice.
    panel.device = { ...panel.device, awaiting: [{ ...awaited, trying: true }] };
    await panel.updateComplete;
    expect(strap.querySelector('.state')?.textContent).toBe('connecting…');
    await expect.element(page.getByRole('button', { name: 'Reconnect HRM-Dual 4242' })).toBeDisabled();
    // In a session the header stays short: the strap is tried again on the start screen.
    panel.compact = true;
    await panel.updateComplete;
    expect(panel.shadowRoot!.textContent).not.toContain('HRM-Dual 4242');
  });

  it('names each device of an earlier visit on its first try, the one waiting its turn too, with nothing to tap beside them', async () => {
    const { h10, bangle } = EARLIER_VISIT;
    const onTheirWay = earlierVisitOnItsWay([h10, bangle]);
    const panel = await mount(onTheirWay);
    expect(namedOnTheirWay(panel)).toEqual([
      ['Polar H10 0000E2E0', 'connecting…'],
      ['Bangle.js 5e6f', 'waiting'],
    ]);
    // They are on their way: no greyed Reconnect or Forget, and no second strap to pick meanwhile.
    expect(panel.shadowRoot!.querySelectorAll('.awaited button')).toHaveLength(0);
    expect(page.getByRole('button', { name: 'Connect a Bluetooth strap' }).query()).toBeNull();
    // Not found after its try, a device offers both again, and the strap is offered beside it.
    panel.device = { ...onTheirWay, firstTries: [], awaiting: [{ ...h10, trying: false }] };
    await panel.updateComplete;
    await expect.element(page.getByRole('button', { name: 'Reconnect Polar H10 0000E2E0' })).toBeEnabled();
    await expect.element(page.getByRole('button', { name: 'Forget Polar H10 0000E2E0' })).toBeEnabled();
    await expect.element(page.getByRole('button', { name: 'Connect a Bluetooth strap' })).toBeVisible();

    // On a phone, out of a session, both whole in the line a tap opens, no taller than with one tried.
    const restore = await layOutAsTheApp(360, 640, '0 0.75rem');
    try {
      document.body.replaceChildren();
      const onAPhone = await mount({ ...onTheirWay, firstTries: [h10] });
      const oneTried = onAPhone.getBoundingClientRect().height;
      onAPhone.device = onTheirWay;
      await onAPhone.updateComplete;
      const gist = glanceLine(onAPhone);
      // The virtual strap standing in meanwhile is said under the line, on the start screen.
      expect(gist.textContent).toBe('Connecting Polar H10 0000E2E0, then Bangle.js 5e6f');
      expect(gist.scrollHeight).toBeLessThanOrEqual(gist.clientHeight);
      expect(onAPhone.getBoundingClientRect().height).toBe(oneTried);
    } finally {
      await restore();
    }
  });

  // Three of an earlier visit, "Connecting Polar H10 0000E2E0, then Bangle.js 5e6f, then InfiniTime",
  // took three rows of a 360 px phone's line (58 px of its 38), the last cut off under its clamp of two.
  it('names the first of three devices of an earlier visit on their first tries on a phone, the others a tap away, on no more rows than one tried', async () => {
    const restore = await layOutAsTheApp(360, 640, '0 0.75rem');
    try {
      const panel = await mount(earlierVisitOnItsWay([EARLIER_VISIT.h10]));
      const oneTried = panel.getBoundingClientRect().height;
      await allThreeOfTheEarlierVisitTried(panel);
      const gist = glanceLine(panel);
      expect(gist.textContent).toBe('Connecting Polar H10 0000E2E0, then 2 more');
      expect(gist.scrollHeight).toBeLessThanOrEqual(gist.clientHeight);
      expect(panel.getBoundingClientRect().height).toBe(oneTried);
      await expectAllThreeNamedATapAway(panel);
    } finally {
      await restore();
    }
  });

  // At 180 px "Connecting Polar H10 0000E2E0" took three lines of the line's two (58 px of its 38),
  // the last cut off under its clamp, and "…, then 2 more" four.
  it('says on a phone with its text at twice its size the devices of an earlier visit on their first tries in a word or a count, on no more than the line, each named a tap away', async () => {
    // The header's padding there, out of a session.
    const restore = await layOutAsTheApp(180, 320, '0 0.375rem');
    try {
      const panel = await mount(earlierVisitOnItsWay([EARLIER_VISIT.h10]));
      const gist = () => glanceLine(panel);
      expect(gist().textContent).toBe('Connecting strap');
      expect(gist().scrollHeight).toBeLessThanOrEqual(gist().clientHeight);
      await allThreeOfTheEarlierVisitTried(panel);
      expect(gist().textContent).toBe('Connecting 3 devices');
      expect(gist().scrollHeight).toBeLessThanOrEqual(gist().clientHeight);
      await expectAllThreeNamedATapAway(panel);
    } finally {
      await restore();
    }
  });

  it('offers to forget a strap of an earlier visit that was not found, with the virtual strap in use shown as no button', async () => {
    const virtual = status({ id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', battery: null });
    const awaited = { id: 'hrm', name: 'HRM-Dual 4242', kind: 'heart-rate', trying: false } as const;
    const panel = await mount(
      state([virtual], {
        source: { id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', placement: 'chest' },
        awaiting: [awaited],
      }),
    );
    const sent: unknown[] = [];
    panel.addEventListener('bb-disconnect-device', (e) => sent.push(e.detail));
    await userEvent.click(page.getByText('More devices'));
    // The menu's virtual strap was the way to stop trying a strap left at home; in use, it is no button.
    expect(panel.shadowRoot!.querySelector('[aria-current="true"]')?.textContent).toMatch(
      /Virtual strap\s+in use/,
    );
    const strap = page.getByText('HRM-Dual 4242', { exact: true }).element().parentElement as HTMLElement;
    const forget = page.getByRole('button', { name: 'Forget HRM-Dual 4242' });
    expect(forget.element().parentElement).toBe(strap);
    await userEvent.click(forget);
    expect(sent).toEqual([{ id: 'hrm' }]);
    // While it is being tried, a strap that answers would be connected and known again: Forget waits,
    // as Reconnect does.
    panel.device = { ...panel.device, awaiting: [{ ...awaited, trying: true }] };
    await panel.updateComplete;
    await expect.element(page.getByRole('button', { name: 'Forget HRM-Dual 4242' })).toBeDisabled();
  });

  it('says a replay has finished, and offers to play it again', async () => {
    const replay = status({
      id: 'replay:x',
      name: 'Recording',
      kind: 'replay',
      connection: 'ended',
      battery: null,
    });
    const panel = await mount(state([replay], { connection: 'ended' }));
    const sent: unknown[] = [];
    panel.addEventListener('bb-replay-again', () => sent.push('again'));
    expect(panel.shadowRoot?.querySelector('.state')?.textContent).toBe('replay finished');
    expect(panel.shadowRoot?.textContent).not.toMatch(/connection lost/);
    await userEvent.click(page.getByRole('button', { name: 'Play again' }));
    expect(sent).toEqual(['again']);
    await expect.element(page.getByRole('button', { name: 'Use the virtual strap' })).toBeVisible();
  });

  it('says phone motion that never reported any is not available, not that its connection was lost', async () => {
    const phone = status({
      id: 'phone',
      name: 'Phone motion',
      kind: 'phone',
      placement: 'phone',
      connection: 'unavailable',
      battery: null,
      sampleRateHz: null,
      heartRate: false,
      motion: false,
    });
    const panel = await mount(
      state([phone], {
        connection: 'unavailable',
        countsMotion: false,
        problem: PHONE_MOTION_WORDS.silent,
      }),
    );
    expect(panel.shadowRoot?.querySelector('.state')?.textContent).toBe('not available');
    // No device measures heart rate either: the set is counted by hand, with nothing to call "heart rate only".
    expect(panel.shadowRoot?.querySelector('.note')?.textContent).toBe('no motion: count with +1');
    expect(panel.shadowRoot?.textContent).not.toMatch(/connection lost/);
    expect(page.getByRole('button', { name: 'Reconnect' }).query()).toBeNull();
    // In a session the header is short, but the devices the problem asks for are still offered.
    panel.compact = true;
    await panel.updateComplete;
    await expect.element(page.getByRole('button', { name: 'Use the virtual strap' })).toBeVisible();
    // The one switch, not the whole menu: a phone on its side has little height for the header.
    expect(panel.shadowRoot!.querySelector('details')).toBeNull();
    // In a session it asks once before it leaves the device, which may be counting the set.
    const sent: unknown[] = [];
    panel.addEventListener('bb-use-virtual', () => sent.push('virtual'));
    await userEvent.click(page.getByRole('button', { name: 'Use the virtual strap' }));
    expect(sent).toEqual([]);
    await expect.element(page.getByText(/A simulated person does the exercises from now on/)).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Keep this device' }));
    expect(sent).toEqual([]);
    await userEvent.click(page.getByRole('button', { name: 'Use the virtual strap' }));
    await userEvent.click(page.getByRole('button', { name: 'Switch', exact: true }));
    expect(sent).toEqual(['virtual']);
    panel.device = { ...panel.device, problem: null };
    await panel.updateComplete;
    expect(page.getByRole('button', { name: 'Use the virtual strap' }).query()).toBeNull();
  });

  it('offers a strap in a session on the virtual strap, with no problem first, and none while one picked connects', async () => {
    const virtual = status({ id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', battery: null });
    const onVirtual = state([virtual], {
      source: { id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', placement: 'chest' },
    });
    const sent: unknown[] = [];
    const laptop = await layOutAsTheApp(1366, 768);
    try {
      const panel = await mount(onVirtual);
      panel.compact = true;
      await panel.updateComplete;
      // The one switch, not the whole menu: the header read from the mat stays short.
      expect(panel.shadowRoot!.querySelector('details')).toBeNull();
      panel.addEventListener('bb-connect-bluetooth', () => sent.push('strap'));
      await userEvent.click(page.getByRole('button', { name: 'Connect a Bluetooth strap' }));
      expect(sent).toEqual(['strap']);
      // Listed as connecting beside the virtual strap, which goes on counting: not offered twice.
      panel.device = { ...onVirtual, devices: [virtual, status({ connection: 'connecting' })] };
      await panel.updateComplete;
      expect(page.getByRole('button', { name: 'Connect a Bluetooth strap' }).query()).toBeNull();
      panel.device = onVirtual;
    } finally {
      await laptop();
    }
    // On a phone with its text at twice its size, a tap on the line of devices opens it to the strap,
    // in a set under way too: shut, the line takes no more room.
    const panel = document.querySelector('bb-device-panel')!;
    const restore = await layOutAsTheApp(180, 320, '0 0.75rem');
    try {
      await panel.updateComplete;
      const glance = panel.shadowRoot!.querySelector('details')!;
      expect(page.getByRole('button', { name: 'Connect a Bluetooth strap' }).query()).toBeNull();
      await userEvent.click(glance.querySelector('summary')!);
      await userEvent.click(page.getByRole('button', { name: 'Connect a Bluetooth strap' }));
      expect(sent).toEqual(['strap', 'strap']);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
    } finally {
      await restore();
    }
  });

  it('offers the strap in every set and rest of a laptop, and not on a phone, paused or not', async () => {
    const virtual = status({ id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', battery: null });
    const panel = await mount(
      state([virtual], {
        source: { id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', placement: 'chest' },
      }),
    );
    panel.compact = true;
    const connect = page.getByRole('button', { name: 'Connect a Bluetooth strap' });
    for (const [width, height] of [
      [360, 640],
      [640, 360],
    ]) {
      const restore = await layOutAsTheApp(width, height);
      try {
        // A row of the header on a phone, taken from the count or the timer read from the mat.
        panel.pausedByThePerson = false;
        await panel.updateComplete;
        expect(connect.query()).toBeNull();
        // Paused to put the strap on, the set or rest offers it among its own buttons: in the header
        // it took a row from the count.
        panel.pausedByThePerson = true;
        await panel.updateComplete;
        expect(connect.query()).toBeNull();
      } finally {
        await restore();
      }
    }
    // A laptop's header has room beside the devices.
    const restore = await layOutAsTheApp(1366, 768);
    try {
      panel.pausedByThePerson = false;
      await panel.updateComplete;
      await expect.element(connect).toBeVisible();
    } finally {
      await restore();
    }
  });

  it('says a replay is replaying, not connected, and hands on the name of the file picked', async () => {
    const panel = await mount(
      state([
        status({ id: 'replay:x', name: 'From run.json', kind: 'replay', battery: null, sampleRateHz: null }),
      ]),
    );
    const line = () => panel.shadowRoot?.querySelector('.device')?.textContent?.replace(/\s+/g, ' ').trim();
    expect(line()).toBe('From run.json replaying');
    const sent: unknown[] = [];
    panel.addEventListener('bb-replay', (e) => sent.push(e.detail));
    const input = panel.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const files = new DataTransfer();
    files.items.add(new File(['{"format":"backbeat-recording","version":1,"packets":[]}'], 'run.json'));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]).toEqual({
      text: '{"format":"backbeat-recording","version":1,"packets":[]}',
      fileName: 'run.json',
    });
  });

  it('offers to save a recording of a strap or a replay, and says why phone motion cannot be saved', async () => {
    const panel = await mount(state([status({})]));
    await userEvent.click(page.getByText('Add a device'));
    await expect.element(page.getByRole('button', { name: 'Save a recording' })).toBeVisible();
    panel.device = state([status({ id: 'replay:x', name: 'Recording', kind: 'replay' })]);
    await panel.updateComplete;
    await expect.element(page.getByRole('button', { name: 'Save a recording' })).toBeVisible();
    panel.device = state([status({ id: 'phone', name: 'Phone motion', kind: 'phone', placement: 'phone' })]);
    await panel.updateComplete;
    expect(page.getByRole('button', { name: 'Save a recording' }).query()).toBeNull();
    await expect.element(page.getByText(/Phone motion cannot be saved as a recording/)).toBeVisible();
  });

  it('closes the menu once a recording is saved or a file to replay is picked, as it does for a device', async () => {
    const panel = await mount(state([status({})]));
    const menu = () => panel.shadowRoot!.querySelector('details')!;
    const saved: unknown[] = [];
    const replayed: unknown[] = [];
    panel.addEventListener('bb-save-recording', () => saved.push('saved'));
    panel.addEventListener('bb-replay', (e) => replayed.push(e.detail));
    await userEvent.click(page.getByText('Add a device'));
    await userEvent.click(page.getByRole('button', { name: 'Save a recording' }));
    expect(saved).toEqual(['saved']);
    await expect.poll(() => menu().open).toBe(false);

    await userEvent.click(page.getByText('Add a device'));
    await expect.poll(() => menu().open).toBe(true);
    const input = panel.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const files = new DataTransfer();
    files.items.add(new File(['{"format":"backbeat-recording","version":1,"packets":[]}'], 'run.json'));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await expect.poll(() => replayed.length).toBe(1);
    await expect.poll(() => menu().open).toBe(false);
  });

  it('opens, on a phone with text at twice its size, the line of devices to the menu, and puts each away in turn', async () => {
    const restore = await layOutAsTheApp(180, 320, '0 0.75rem');
    try {
      const panel = await mount(state([status({})]));
      const [line, menu] = panel.shadowRoot!.querySelectorAll('details');
      // Shut, the devices are their line, the menu inside it.
      expect(line!.contains(menu!)).toBe(true);
      await userEvent.click(page.getByText('Strap connected'));
      // The line's arrow says it is open; the menu's, shut in it, that a tap opens it.
      const arrow = (details: Element) =>
        getComputedStyle(details.querySelector('summary')!, '::after').content;
      expect([arrow(line!), arrow(menu!)]).toEqual(['"▴" / ""', '"▾" / ""']);
      await userEvent.click(page.getByText('Add a device'));
      await expect.poll(() => menu!.open).toBe(true);
      // Escape puts the menu away, and leaves the line open on the devices' words and the menu's button.
      await userEvent.keyboard('{Escape}');
      await expect.poll(() => menu!.open).toBe(false);
      expect(line!.open).toBe(true);
      expect(panel.shadowRoot!.activeElement).toBe(menu!.querySelector('summary'));
      // A tap beside the menu, in the line, puts the menu away and not the line.
      await userEvent.click(page.getByText('Add a device'));
      await expect.poll(() => menu!.open).toBe(true);
      await userEvent.click(line!.querySelector('.glance-body')!, { position: { x: 1, y: 1 } });
      await expect.poll(() => menu!.open).toBe(false);
      expect(line!.open).toBe(true);
      // A choice made puts both away: the screen under the header comes back.
      await userEvent.click(page.getByText('Add a device'));
      await userEvent.click(page.getByRole('button', { name: 'Virtual strap', exact: true }));
      await expect.poll(() => line!.open).toBe(false);
      expect(menu!.open).toBe(false);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
    } finally {
      await restore();
    }
  });

  it('puts the menu, which lies over the page, away at a tap elsewhere or at Escape, not at a tap in it', async () => {
    const elsewhere = document.createElement('p');
    elsewhere.textContent = 'Elsewhere on the page';
    document.body.append(elsewhere);
    const panel = await mount(state([status({})]));
    const menu = panel.shadowRoot!.querySelector('details')!;
    await userEvent.click(page.getByText('Add a device'));
    // In the menu, beside its buttons.
    await userEvent.click(page.getByRole('group', { name: 'Device kinds' }), { position: { x: 2, y: 2 } });
    expect(menu.open).toBe(true);
    await userEvent.click(page.getByText('Elsewhere on the page'));
    await expect.poll(() => menu.open).toBe(false);

    await userEvent.click(page.getByText('Add a device'));
    await expect.poll(() => menu.open).toBe(true);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => menu.open).toBe(false);
    // Back on the summary, for a keyboard user to go on from where they were.
    expect(panel.shadowRoot!.activeElement).toBe(menu.querySelector('summary'));
    // Tabbing out of it, past its last choice, puts it away too: it would hide where the focus went.
    const next = document.createElement('button');
    next.textContent = 'Start';
    document.body.append(next);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => menu.open).toBe(true);
    const choices = menu.querySelectorAll<HTMLElement>('button, input');
    choices[choices.length - 1]!.focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(next);
    await expect.poll(() => menu.open).toBe(false);
  });

  it('says up front that a browser without Web Bluetooth connects no strap, and offers what it can use', async () => {
    const virtual = status({ id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual' });
    await mount(
      state([virtual], {
        source: { id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', placement: 'chest' },
        noBluetooth: noBluetoothWords(navigator.userAgent),
      }),
    );
    // The tests run in Chromium: a person already in it is not sent to Chrome.
    await expect.element(page.getByText('No Bluetooth in this browser')).toBeVisible();
    expect(page.getByRole('button', { name: 'Connect a Bluetooth strap' }).query()).toBeNull();
    // Its arrow is for the eye alone: its alternative, read after the words, is none.
    expect(await rolesNamed('More devices')).toEqual(['DisclosureTriangle', 'StaticText']);
    const summary = document.querySelector('bb-device-panel')!.shadowRoot!.querySelector('summary')!;
    expect(getComputedStyle(summary, '::after').content).toBe('"▾" / ""');
    await userEvent.click(page.getByText('More devices'));
    expect(getComputedStyle(summary, '::after').content).toBe('"▴" / ""');
    // Why, over the choices it greys out.
    await expect
      .element(page.getByText(/Bluetooth is not available to this browser on this device/))
      .toBeVisible();
    for (const name of [
      'Heart-rate strap',
      'Polar H10 / Verity Sense',
      'PineTime watch',
      'micro:bit',
      'Bangle.js watch',
    ])
      await expect.element(page.getByRole('button', { name })).toBeDisabled();
    await expect.element(page.getByRole('button', { name: 'Phone motion' })).toBeEnabled();
    await expect.element(page.getByText('Replay a recording…')).toBeVisible();
    // Read once, as the button it is: its words on the screen were read before it as a text too.
    expect(await rolesNamed('Replay a recording…')).toEqual(['button']);
  });

  it('shows a problem until it is dismissed', async () => {
    const panel = await mount(
      state([status({})], {
        problem: deviceProblem('mtu-too-small').message,
      }),
    );
    let dismissed = 0;
    panel.addEventListener('bb-dismiss-problem', () => dismissed++);
    await expect.element(page.getByRole('alert')).toHaveTextContent(/INVALID_MTU/);
    await userEvent.click(page.getByRole('button', { name: 'OK' }));
    expect(dismissed).toBe(1);
  });

  // "OK" alone, in a screen reader's list of buttons, said nothing of what it puts away.
  it('describes a problem’s OK by the problem', async () => {
    const problem = deviceProblem('mtu-too-small').message;
    await mount(state([status({})], { problem }));
    await expect.element(page.getByRole('button', { name: 'OK' })).toHaveAccessibleDescription(problem);
    // On a phone with large text, by the devices' line that the problem is.
    document.body.replaceChildren();
    const restore = await layOutAsTheApp(180, 320, '0 0.75rem');
    try {
      await mount(state([status({})], { problem }));
      await userEvent.click(page.getByRole('alert'));
      await expect.element(page.getByRole('button', { name: 'OK' })).toHaveAccessibleDescription(problem);
    } finally {
      await restore();
    }
  });

  it('keeps a problem and its OK within a phone with text at twice its size (180 px), in a session too', async () => {
    const restore = await layOutAsTheApp(180, 320, '0 0.75rem');
    try {
      const panel = await mount(
        state([status({ name: 'Garmin HRM-Dual 1234567', kind: 'heart-rate', motion: false, battery: 12 })], {
          problem: deviceProblem('no-data', { device: 'Garmin HRM-Dual 1234567' }).message,
        }),
      );
      panel.compact = true;
      await panel.updateComplete;
      await expect.element(page.getByRole('alert')).toBeVisible();
      expect(panel.getBoundingClientRect().right).toBeLessThanOrEqual(180);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
    } finally {
      await restore();
    }
  });

  it('puts a session’s devices and their problem in one line a tap opens, on a phone with text at twice its size', async () => {
    const problem = deviceProblem('connection-lost', { device: 'HRM-Dual' }).message;
    const lost = state(
      [status({ name: 'HRM-Dual', kind: 'heart-rate', connection: 'lost', motion: false })],
      {
        problem,
        connection: 'lost',
      },
    );
    const restore = await layOutAsTheApp(180, 320, '0 0.75rem');
    try {
      const panel = await mount(lost);
      panel.compact = true;
      await panel.updateComplete;
      // One line, cut short on screen; a screen reader is told the whole problem, as an alert.
      const alert = page.getByRole('alert');
      await expect.element(alert).toHaveTextContent(problem);
      const line = panel.shadowRoot!.querySelector('summary')!;
      expect(line.getBoundingClientRect().height).toBeLessThanOrEqual(48);
      expect(line.getBoundingClientRect().right).toBeLessThanOrEqual(180);
      for (const name of ['Reconnect', 'Use the virtual strap', 'OK'])
        expect(page.getByRole('button', { name }).query(), name).toBeNull();
      // Opened: the problem whole, the device, what it offers.
      await userEvent.click(line);
      for (const name of ['Reconnect', 'Use the virtual strap', 'OK'])
        await expect.element(page.getByRole('button', { name })).toBeVisible();
      await expect.element(page.getByText('out of reach', { exact: true })).toBeVisible();
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
      let dismissed = 0;
      panel.addEventListener('bb-dismiss-problem', () => dismissed++);
      await userEvent.click(page.getByRole('button', { name: 'OK' }));
      expect(dismissed).toBe(1);
    } finally {
      await restore();
    }
    // With its text at the usual size, the problem is shown whole, with its OK.
    document.body.replaceChildren();
    const panel = await mount(lost);
    panel.compact = true;
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelector('details')).toBeNull();
    await expect.element(page.getByRole('button', { name: 'OK' })).toBeVisible();
  });

  // Shut, the line said "Out of reach:" and nothing after the colon, the device a tap away; the
  // header was 111 px tall on a 360×640 phone (the strap's row over the line), 44 px on its side
  // and 44 px at 180×320, the line 44 px in each.
  for (const [width, height, header] of [
    [360, 640, 111],
    [640, 360, 44],
    [180, 320, 44],
  ] as const) {
    it(`says shut, in a session at ${width}×${height}, which device is out of reach, its header no taller`, async () => {
      const restore = await layOutAsTheApp(width, height, '0 0.75rem');
      try {
        const problem = deviceProblem('connection-lost', { device: 'Polar H10 0000E2E0' }).message;
        const panel = await mount(state([status({ connection: 'lost' })], { connection: 'lost', problem }));
        panel.compact = true;
        await panel.updateComplete;
        const line = panel.shadowRoot!.querySelector<HTMLElement>('details.glance > summary')!;
        const gist = line.querySelector<HTMLElement>('.gist')!;
        expect(gist.textContent).toBe('Out of reach:');
        expect(getComputedStyle(gist, '::after').content).toMatch(/^" strap"/);
        // Whole, on two lines at most: none cut off by the clamp.
        expect(gist.scrollHeight).toBeLessThanOrEqual(gist.clientHeight);
        expect(gist.getBoundingClientRect().height).toBeLessThanOrEqual(2 * 1.2 * 16 + 1);
        expect(line.getBoundingClientRect().height).toBeLessThanOrEqual(44);
        expect(panel.getBoundingClientRect().height).toBeLessThanOrEqual(header);
        // A screen reader is told the problem as it is written, the device named once.
        await expect.element(page.getByRole('alert')).toHaveTextContent(problem);
        // Opened, the rest follows the headline, which names the device itself.
        await userEvent.click(line);
        expect(getComputedStyle(gist, '::after').content).toBe('none');
      } finally {
        await restore();
      }
    });
  }

  /** What the eye reads on a problem's line shut: its words, its colon if seen, and what the style adds. */
  function seenShut(gist: HTMLElement): string {
    const words = [...gist.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent);
    const colon = gist.querySelector<HTMLElement>('.colon');
    const seenColon = colon && colon.getBoundingClientRect().width > 1 ? colon.textContent : '';
    const after = /^"([^"]*)"/.exec(getComputedStyle(gist, '::after').content)?.[1] ?? '';
    return `${words.join('')}${seenColon}${after}`;
  }

  // Shut, every line but a strap's out of reach ended on its colon with nothing after it: "Bluetooth
  // off:", "No readings:", "Cannot count:", "Not found:", "Not a recording:", at 360×640 and 180×320.
  const watch = status({ id: 'pt', name: 'InfiniTime', kind: 'pinetime', placement: 'wrist', counts: [] });
  const SHUT_LINES: ReadonlyArray<readonly [string, string, DeviceState, boolean]> = [
    ['Bluetooth off', BLUETOOTH_WORDS.off, state([status({})]), false],
    [
      'No readings: strap',
      deviceProblem('no-data', { device: 'Polar H10 0000E2E0' }).message,
      state([status({})]),
      true,
    ],
    ['Cannot count: watch', deviceProblem('no-motion-service').message, state([status({}), watch]), true],
    [
      'No readings: armband',
      deviceProblem('no-data', { device: 'Polar Sense 1A2B3C4D' }).message,
      state([status({ name: 'Polar Sense 1A2B3C4D', placement: 'arm' })]),
      true,
    ],
    [
      'Not found: armband',
      KNOWN_DEVICE_WORDS.notFound('Polar Sense 1A2B3C4D', false),
      state([], {
        source: { id: 'virtual', name: 'Virtual strap', kind: 'virtual', placement: 'chest' },
        awaiting: [{ id: 'vs', name: 'Polar Sense 1A2B3C4D', kind: 'polar', trying: false }],
      }),
      false,
    ],
    [
      'Not found: strap',
      KNOWN_DEVICE_WORDS.notFound('Polar H10 0000E2E0', true),
      state([], {
        source: { id: 'virtual', name: 'Virtual strap', kind: 'virtual', placement: 'chest' },
        awaiting: [{ id: 'h10', name: 'Polar H10 0000E2E0', kind: 'polar', trying: false }],
      }),
      false,
    ],
    [
      'Not a recording',
      RECORDING_WORDS.notARecording('it does not open as JSON'),
      state([status({})]),
      false,
    ],
  ];
  for (const [width, height] of [
    [360, 640],
    [180, 320],
  ] as const) {
    for (const [seen, problem, device, inSession] of SHUT_LINES) {
      it(`says shut at ${width}×${height} "${seen}", no colon with nothing after it, the header no taller`, async () => {
        const restore = await layOutAsTheApp(width, height, '0 0.75rem');
        try {
          const panel = await mount({ ...device, problem });
          panel.compact = inSession;
          await panel.updateComplete;
          const line = panel.shadowRoot!.querySelector<HTMLElement>('details.glance > summary')!;
          const gist = line.querySelector<HTMLElement>('.gist')!;
          expect(seenShut(gist)).toBe(seen);
          // Whole, on two lines at most, in the line's 44 px, which is all the header is.
          expect(gist.scrollHeight).toBeLessThanOrEqual(gist.clientHeight);
          expect(line.getBoundingClientRect().height).toBeLessThanOrEqual(44);
          expect(panel.getBoundingClientRect().height).toBeLessThanOrEqual(44);
          // A screen reader is told the problem as it is written, its colon too.
          await expect.element(page.getByRole('alert')).toHaveTextContent(problem);
          // Opened, the headline and its colon lead to the rest, as written.
          await userEvent.click(line);
          expect(seenShut(gist)).toBe(splitProblem(problem).headline);
        } finally {
          await restore();
        }
      });
    }
  }

  // At 180×320 "Out of reach:" took 118.5 px of the line's 118: a Verity Sense out of reach wrapped to
  // "Out of" / "reach:" / "armband", the third line under the clamp, the device cut off.
  it('says shut at 180×320 which device is out of reach however it is worn, on two lines', async () => {
    const restore = await layOutAsTheApp(180, 320, '0 0.75rem');
    try {
      for (const [name, placement, word] of [
        ['Polar Sense 1A2B3C4D', 'arm', 'armband'],
        ['Polar H10 0000E2E0', 'chest', 'strap'],
        ['Bangle.js 3c4d', 'wrist', 'watch'],
      ] as const) {
        const problem = deviceProblem('connection-lost', { device: name }).message;
        const away = status({ name, placement, connection: 'lost' });
        document.body.replaceChildren();
        const panel = await mount(state([away], { connection: 'lost', problem }));
        panel.compact = true;
        await panel.updateComplete;
        const line = panel.shadowRoot!.querySelector<HTMLElement>('details.glance > summary')!;
        const gist = line.querySelector<HTMLElement>('.gist')!;
        expect(seenShut(gist)).toBe(`Out of reach: ${word}`);
        expect(gist.scrollHeight, word).toBeLessThanOrEqual(gist.clientHeight);
        expect(line.getBoundingClientRect().height).toBeLessThanOrEqual(44);
      }
    } finally {
      await restore();
    }
  });

  // In a set on a 360 px phone, "Motion failed" took the line that stood for the strap's row: the
  // person read neither that the strap was connected and gave the heart rate nor to count with +1.
  for (const [name, placement, word] of [
    ['Polar H10 0000E2E0', 'chest', 'Strap'],
    ['Polar Sense 1A2B3C4D', 'arm', 'Armband'],
  ] as const) {
    it(`says shut at 360×640 in a set that the ${word.toLowerCase()} is connected and to count with +1, where its motion failed`, async () => {
      const restore = await layOutAsTheApp(360, 640, '0 0.75rem');
      try {
        const problem = deviceProblem('stream-failed', { why: 'the sensor did not answer' }).message;
        const strap = status({ name, placement, motion: false });
        const panel = await mount(state([strap], { problem, countsMotion: false }));
        panel.compact = true;
        await panel.updateComplete;
        const line = panel.shadowRoot!.querySelector<HTMLElement>('details.glance > summary')!;
        const gist = line.querySelector<HTMLElement>('.gist')!;
        expect(gist.textContent).toBe(`${word} connected, heart rate only: count with +1`);
        // Whole, on two lines, in the line's 44 px, which is all the header is: "Polar Sense 1A2B3C4D
        // connected," took 312 px of the line's 302, and wrapped, put how to count under the clamp.
        expect(gist.scrollHeight).toBeLessThanOrEqual(gist.clientHeight);
        for (const said of gist.querySelectorAll('.said-line')) {
          expect(said.scrollWidth).toBeLessThanOrEqual(said.clientWidth);
        }
        expect(line.getBoundingClientRect().height).toBeLessThanOrEqual(44);
        // A screen reader is told the state, then the problem as it is written.
        await expect.element(page.getByRole('alert')).toHaveTextContent(`count with +1. ${problem}`);
        // Opened, the problem's words follow, and the row under the line names the device, and says no
        // more of the count.
        await userEvent.click(line);
        await expect.element(page.getByText(problem)).toBeVisible();
        await expect.element(page.getByText(name)).toBeVisible();
        expect(panel.shadowRoot!.querySelector('.note')).toBeNull();
      } finally {
        await restore();
      }
    });
  }

  // Opened at 180×320, a word wider than the line was cut by the ellipsis of the line shut: "GATT
  // Server is disconnect…", "(packet size too small, INVALID_M…", the words 8 and 16 px wider than the line.
  for (const problem of [
    deviceFailed('GATT Server is disconnected. Cannot perform GATT operations.'),
    deviceProblem('mtu-too-small').message,
  ]) {
    it(`says opened at 180×320 every word of "${splitProblem(problem).headline}", none cut`, async () => {
      const restore = await layOutAsTheApp(180, 320, '0 0.75rem');
      try {
        const panel = await mount(state([status({})], { problem }));
        panel.compact = true;
        await panel.updateComplete;
        const summary = panel.shadowRoot!.querySelector<HTMLElement>('details.glance > summary')!;
        await userEvent.click(summary);
        const line = summary.querySelector<HTMLElement>('.line')!;
        expect(line.scrollWidth).toBeLessThanOrEqual(line.clientWidth);
        expect(line.textContent).toBe(problem);
      } finally {
        await restore();
      }
    });
  }

  it("says on a session's line of devices, with text at twice its size, a watch whose motion stopped, in view", async () => {
    const restore = await layOutAsTheApp(180, 320, '0 0.75rem');
    try {
      const strap = status({ counts: [] });
      const watch = status({
        id: 'bangle',
        name: 'Bangle.js 3c4d',
        kind: 'bangle',
        placement: 'wrist',
        heartRate: false,
        counts: ['lat-pulldown'],
        motionStopped: true,
      });
      const panel = await mount(state([strap, watch]));
      panel.compact = true;
      await panel.updateComplete;
      // The set's line that says it lies under the set's controls, past the window: the header's
      // line is what is in view. Shut, it is two lines at most, the rest cut off.
      const line = panel.shadowRoot!.querySelector('summary .gist')!;
      const words = 'No watch motion';
      expect(line.textContent, 'the line').toContain(words);
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let text = walker.nextNode();
      while (text && !text.textContent!.includes(words)) text = walker.nextNode();
      const at = text!.textContent!.indexOf(words);
      const range = document.createRange();
      range.setStart(text!, at);
      range.setEnd(text!, at + words.length);
      const shown = line.getBoundingClientRect();
      for (const box of range.getClientRects()) {
        expect(box.bottom, words).toBeLessThanOrEqual(shown.bottom + 0.5);
        expect(box.right, words).toBeLessThanOrEqual(shown.right + 0.5);
      }
      // Opened, each device as the panel lays it out: the watch still connected, nothing to reconnect.
      await userEvent.click(panel.shadowRoot!.querySelector('summary')!);
      expect(page.getByRole('button', { name: 'Reconnect' }).query()).toBeNull();
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
    } finally {
      await restore();
    }
  });

  describe('a watch still connected whose motion stopped', () => {
    const strap = status({ counts: TRUNK_EXERCISES });
    const watch = (motionStopped: boolean) =>
      status({
        id: 'bangle',
        name: 'Bangle.js 3c4d',
        kind: 'bangle',
        placement: 'wrist',
        heartRate: false,
        battery: null,
        sampleRateHz: 12.5,
        counts: ['lat-pulldown'],
        motionStopped,
      });
    const watchShown = (panel: BbDevicePanel) =>
      panel.shadowRoot!.querySelector<HTMLElement>('.device[data-kind="bangle"]');

    for (const [width, height] of [
      [360, 640],
      [1366, 768],
      [180, 320],
    ] as const) {
      for (const inSession of [false, true]) {
        for (const withStrap of [false, true]) {
          const where = `${width}×${height} ${inSession ? 'in' : 'out of'} a session${withStrap ? ', beside a strap' : ''}`;
          it(`says so at ${where}, opened where a line opens, its header shut no taller`, async () => {
            const restore = await layOutAsTheApp(width, height, '0 0.75rem');
            try {
              const devices = (stopped: boolean) => [...(withStrap ? [strap] : []), watch(stopped)];
              const panel = await mount(state(devices(false)));
              panel.compact = inSession;
              await panel.updateComplete;
              const streaming = panel.getBoundingClientRect().height;
              panel.device = state(devices(true));
              await panel.updateComplete;
              expect(panel.getBoundingClientRect().height, 'the header shut').toBeLessThanOrEqual(streaming);
              const line = panel.shadowRoot!.querySelector<HTMLElement>('details.glance > summary');
              if (line) await userEvent.click(line);
              const shown = watchShown(panel);
              expect(shown?.querySelector('.name')?.textContent).toBe('Bangle.js 3c4d');
              // Opened, there is room for every word; laid out whole, about as many as "connected".
              expect(shown?.querySelector('.state')?.textContent).toBe(
                line ? 'connected, motion stopped' : 'motion stopped',
              );
              // Its rate is of a stream that no longer runs.
              expect(shown?.querySelector('.rate')).toBeNull();
              expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
            } finally {
              await restore();
            }
          });
        }
      }
    }

    it('says calmly, in a set the strap counts, that the watch’s motion stopped, as the set does', async () => {
      const restore = await layOutAsTheApp(360, 640, '0 0.75rem');
      try {
        const stopped = watch(true);
        const panel = await mount(state([strap, watch(false)]));
        panel.compact = true;
        await panel.updateComplete;
        const streaming = panel.getBoundingClientRect().height;
        panel.device = state([strap, stopped]);
        panel.goneOnWithout = [stopped];
        await panel.updateComplete;
        expect(panel.getBoundingClientRect().height).toBeLessThanOrEqual(streaming);
        const shown = watchShown(panel)!.querySelector('.state') as HTMLElement;
        expect(shown.textContent).toBe('motion stopped: keep going');
        const quiet = getComputedStyle(panel.shadowRoot!.querySelector('.battery') as HTMLElement).color;
        expect(getComputedStyle(shown).color).toBe(quiet);
      } finally {
        await restore();
      }
    });
  });

  it('opens a session’s line of devices to what it does not say, on a phone with text at twice its size', async () => {
    const restore = await layOutAsTheApp(180, 320, '0 0.75rem');
    try {
      const virtual = status({ id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', battery: null });
      const panel = await mount(
        state([virtual], {
          source: { id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', placement: 'chest' },
        }),
      );
      const activity = { kind: 'position', exercise: 'superman' } as const;
      const current = {
        activity,
        repsDone: 0,
        holdS: null,
        breathsDone: 0,
        inPosition: true,
        wrongWay: false,
      };
      panel.person = { current, previous: null, habit: 'usual' };
      panel.compact = true;
      await panel.updateComplete;
      const glance = panel.shadowRoot!.querySelector('details')!;
      await userEvent.click(glance.querySelector('summary')!);
      await expect.poll(() => glance.open).toBe(true);
      // The line is the device and its state; below it, what the virtual person does, once each.
      const text = glance.textContent!.replace(/\s+/g, ' ');
      expect(text.match(/Virtual strap/g)).toHaveLength(1);
      expect(text.match(/connected/g)).toHaveLength(1);
      await expect.element(page.getByText('Virtual person: in position, waiting for Go')).toBeVisible();

      // Of two devices, their state said once, on the line, by their count; each one's battery and rate
      // under its name.
      const chest = status({});
      const wrist = status({
        id: 'pt',
        name: 'PineTime',
        kind: 'pinetime',
        placement: 'wrist',
        battery: 40,
        heartRate: false,
      });
      panel.device = state([chest, wrist]);
      await panel.updateComplete;
      const both = glance.textContent!.replace(/\s+/g, ' ');
      expect(glance.querySelector('summary')!.textContent).toBe('2 devices connected');
      expect(both.match(/connected/g)).toHaveLength(1);
      expect(both.match(/PineTime/g)).toHaveLength(1);
      expect(both.match(/Polar H10 0000E2E0/g)).toHaveLength(1);
      await expect.element(page.getByText('battery 40 %')).toBeVisible();
      await expect.element(page.getByRole('button', { name: 'Disconnect PineTime' })).toBeVisible();
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
    } finally {
      await restore();
    }
  });

  it('lets the virtual person lie the wrong way, get up early or stay up, and says what they are doing', async () => {
    const activity = { kind: 'position', exercise: 'superman' } as const;
    const performed = {
      activity,
      repsDone: 0,
      holdS: null,
      breathsDone: 0,
      inPosition: false,
      wrongWay: true,
    };
    const panel = await mount(
      state([status({ id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual' })], {
        source: { id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', placement: 'chest' },
      }),
    );
    panel.person = { current: performed, previous: null, habit: 'usual' };
    await panel.updateComplete;
    await expect.element(page.getByText('Virtual person: lying the wrong way')).toBeVisible();
    const sent: unknown[] = [];
    panel.addEventListener('bb-virtual-habit', (e) => sent.push(e.detail));
    await userEvent.click(page.getByText('More devices'));
    // A menu of the app's own, rounded and bordered like the buttons beside it and the settings' menus.
    const menu = getComputedStyle(page.getByLabelText('Virtual person').element());
    const button = getComputedStyle(page.getByRole('button', { name: 'Phone motion' }).element());
    expect(menu.borderTopLeftRadius).not.toBe('0px');
    expect(menu.borderTopColor).toBe(button.borderTopColor);
    expect(menu.borderTopWidth).toBe(button.borderTopWidth);
    await userEvent.selectOptions(page.getByLabelText('Virtual person'), 'Stays on their feet');
    expect(sent).toEqual([{ habit: 'stays-up' }]);
    // A choice made puts the menu away, as a choice of device does.
    await expect.poll(() => panel.shadowRoot!.querySelector('details')!.open).toBe(false);
    panel.person = {
      current: { ...performed, wrongWay: false, inPosition: true },
      previous: null,
      habit: 'usual',
    };
    await panel.updateComplete;
    await expect.element(page.getByText('Virtual person: in position, waiting for Go')).toBeVisible();
  });
});

// A button that goes once pressed took the keyboard's focus with it, to the top of the page, where a
// screen reader began again with the header: it goes on from the panel's menu, or its line, instead.
describe('bb-device-panel keeping the focus when the button pressed goes', () => {
  let restore: () => Promise<void>;
  beforeAll(async () => {
    // Wide enough for the devices in a row of their own, with the menu beside them.
    restore = await layOutAsTheApp(1366, 768);
  });
  afterAll(() => restore());

  /** The virtual strap, alone and in use. */
  function virtualInUse(): DeviceState {
    const virtual = status({ id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', battery: null });
    return state([virtual], {
      source: { id: 'virtual-strap', name: 'Virtual strap', kind: 'virtual', placement: 'chest' },
    });
  }

  /** The virtual strap in use, and a file of another kind picked to replay. */
  function notARecording(): DeviceState {
    return {
      ...virtualInUse(),
      problem:
        'Not a recording: Backbeat cannot replay that file; only a file made with Save a recording can be.',
      problemsTold: 1,
    };
  }

  /** The text of the element focused in the panel, or the element the focus went to when it left it. */
  function focusedIn(panel: BbDevicePanel): string {
    const inside = panel.shadowRoot!.activeElement;
    return inside ? (inside.textContent ?? '').trim() : `<${document.activeElement?.localName}>`;
  }

  /** Puts the problem away when its OK is pressed, as the app does (Devices.dismissProblem). */
  function dismissedAsTheAppDoes(panel: BbDevicePanel): void {
    panel.addEventListener('bb-dismiss-problem', () => {
      panel.device = { ...panel.device, problem: null };
    });
  }

  it('goes to the menu of devices once a problem’s OK has put the problem away', async () => {
    const panel = await mount(notARecording());
    dismissedAsTheAppDoes(panel);
    await userEvent.click(page.getByRole('button', { name: 'OK', exact: true }));
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
    await expect.poll(() => focusedIn(panel)).toBe('More devices');
  });

  it('goes to the devices’ line once the OK in it has put the problem away, on a phone with large text', async () => {
    const phone = await layOutAsTheApp(180, 320);
    try {
      const panel = await mount(notARecording());
      dismissedAsTheAppDoes(panel);
      await userEvent.click(page.getByRole('alert'));
      await userEvent.click(page.getByRole('button', { name: 'OK', exact: true }));
      await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
      const line = panel.shadowRoot!.querySelector('details.glance > summary');
      await expect.poll(() => panel.shadowRoot!.activeElement).toBe(line);
    } finally {
      await phone();
    }
  });

  it('goes, in a session, to Keep this device as the switch asks, and back to Use the virtual strap once kept', async () => {
    const panel = await mount(
      state([status({ name: 'Garmin HRM-Dual 1234567', kind: 'heart-rate', motion: false })], {
        problem: deviceProblem('no-data', { device: 'Garmin HRM-Dual 1234567' }).message,
      }),
    );
    panel.compact = true;
    await panel.updateComplete;
    await userEvent.click(page.getByRole('button', { name: 'Use the virtual strap' }));
    await expect.poll(() => focusedIn(panel)).toBe('Keep this device');
    await userEvent.click(page.getByRole('button', { name: 'Keep this device' }));
    await expect.poll(() => focusedIn(panel)).toBe('Use the virtual strap');
  });

  it('goes to the menu of devices once Use the virtual strap has put the strap away', async () => {
    const panel = await mount(
      state([status({ name: 'Garmin HRM-Dual 1234567', kind: 'heart-rate', motion: false })], {
        problem: deviceProblem('no-data', { device: 'Garmin HRM-Dual 1234567' }).message,
      }),
    );
    panel.addEventListener('bb-use-virtual', () => {
      panel.device = virtualInUse();
    });
    await userEvent.click(page.getByRole('button', { name: 'Use the virtual strap' }));
    await expect.element(page.getByRole('button', { name: 'Use the virtual strap' })).not.toBeInTheDocument();
    await expect.poll(() => focusedIn(panel)).toBe('More devices');
  });
});
