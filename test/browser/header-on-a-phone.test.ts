// The header on a 360 px phone, the narrowest the app is laid out for, with the widest heart rate
// it shows: three digits and a zone; and on a phone with its text at twice its size (180 px wide).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createRecording, recordPacket } from '../../src/protocol/recording.ts';
import { HEART_RATE_MEASUREMENT } from '../../src/protocol/uuids.ts';
import { SessionStore } from '../../src/store/session-store.ts';
import type { BbApp } from '../../src/ui/bb-app.ts';
import type { FakeDevice } from '../unit/sensors/ble/fake-device.ts';
import { type AppShell, mountApp, mountWithHeartRateOnlyStrap, openScreenFromHeader } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

/**
 * The words of `phrase`, written in `element`, that are not on screen: cut off at an edge of a box
 * that clips what overflows it (an ellipsis, lines clamped) or hidden from sight.
 */
function clippedWords(element: Element, phrase: string): string[] {
  const text = element.textContent!;
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`${phrase} is not written in the element`);
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const clipped: string[] = [];
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const own = node.textContent!;
    const word = /\S+/g;
    for (let match = word.exec(own); match; match = word.exec(own)) {
      const start = offset + match.index;
      if (start < at || start >= at + phrase.length) continue;
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      if (!shownWithin(range.getBoundingClientRect(), node.parentElement!)) clipped.push(match[0]);
    }
    offset += own.length;
  }
  return clipped;
}

/** A word's box is inside every box around it that clips what overflows it, up to the shadow root. */
function shownWithin(word: DOMRect, from: Element): boolean {
  if (word.width === 0 || word.height === 0) return false;
  for (let box: Element | null = from; box; box = box.parentElement) {
    const style = getComputedStyle(box);
    if (style.overflow === 'visible' && style.clipPath === 'none') continue;
    const edge = box.getBoundingClientRect();
    const inside =
      word.left >= edge.left - 0.5 &&
      word.right <= edge.right + 0.5 &&
      word.top >= edge.top - 0.5 &&
      word.bottom <= edge.bottom + 0.5;
    if (!inside) return false;
  }
  return true;
}

describe('the header on a phone', () => {
  let mounted: AppShell;
  let shell: BbApp;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await layOutAsTheApp(360, 640);
    mounted = await mountApp({ settings: { age: 30 } });
    shell = mounted.shell;
    // 188 bpm for a minute: zone 5 at the age of 30.
    mounted.app.devices.replay(
      createRecording([
        recordPacket('hrs', Uint8Array.of(0x00, 0xbc), 0),
        recordPacket('hrs', Uint8Array.of(0x00, 0xbc), 60_000),
      ]),
    );
    await shell.updateComplete;
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('keeps a three-digit heart rate and its zone on one line, without scrolling sideways', async () => {
    const heartRate = shell.shadowRoot?.querySelector('bb-heart-rate');
    await expect.poll(() => heartRate?.shadowRoot?.querySelector('.zone')?.textContent).toBe('zone 5');
    const bpm = heartRate?.shadowRoot?.querySelector('.bpm') as HTMLElement;
    const zone = heartRate?.shadowRoot?.querySelector('.zone') as HTMLElement;
    expect(bpm.textContent).toBe('188');
    const fontPx = Number.parseFloat(getComputedStyle(zone).fontSize);
    expect(zone.getBoundingClientRect().height).toBeLessThan(2 * fontPx);
    // The zone beside the number, not under it.
    expect(zone.getBoundingClientRect().top).toBeLessThan(bpm.getBoundingClientRect().bottom);
    expect(zone.getBoundingClientRect().right).toBeLessThanOrEqual(360);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(360);
  });
});

describe('a set and the rest after it on a 360 × 640 phone', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await layOutAsTheApp(360, 640);
    // A store that opens, as a phone's does: no notice that the app cannot save takes a line.
    mounted = await mountApp({
      start: true,
      settings: { age: 30 },
      openStore: () => SessionStore.open({ name: 'header-360-set-and-rest' }),
    });
    // The widest heart rate the header shows: 188 bpm, zone 5 at the age of 30, for a minute.
    mounted.app.devices.replay(
      createRecording([
        recordPacket('hrs', Uint8Array.of(0x00, 0xbc), 0),
        recordPacket('hrs', Uint8Array.of(0x00, 0xbc), 60_000),
      ]),
    );
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('keeps the header as tall in the rest as in the set, History a tap away on the rest', async () => {
    const heartRate = mounted.shell.shadowRoot!.querySelector('bb-heart-rate')!;
    await expect.poll(() => heartRate.shadowRoot?.querySelector('.zone')?.textContent).toBe('zone 5');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    mounted.app.session.beginSet();
    await expect.element(page.getByRole('progressbar', { name: 'Reps' })).toBeVisible();
    const header = mounted.shell.shadowRoot!.querySelector('header')!;
    const inSet = header.getBoundingClientRect().height;
    // A rep done, so that the set ran and a rest follows it.
    mounted.app.session.adjustCount(1);
    await page.getByRole('button', { name: 'Skip set' }).click();
    await expect.element(page.getByRole('progressbar', { name: 'Rest remaining' })).toBeVisible();
    // History wrapped to a row of its own under the heart rate: the rest's header was 48 px
    // taller, and at each set's end and each rest's the screen under it jumped by that much.
    expect(header.getBoundingClientRect().height).toBe(inSet);
    const history = page.getByRole('button', { name: 'History', exact: true });
    await expect.element(history).toBeVisible();
    // As large a target as the header's button was, 98 × 44 px: tapped from the mat, at arm's length.
    const target = history.element().getBoundingClientRect();
    expect(target.width).toBeGreaterThanOrEqual(98);
    expect(target.height).toBeGreaterThanOrEqual(44);
    expect(target.bottom).toBeLessThanOrEqual(innerHeight);
    await history.click();
    await expect.element(page.getByRole('heading', { name: 'History', exact: true })).toBeVisible();
    expect(header.getBoundingClientRect().height).toBe(inSet);
    await page.getByRole('button', { name: 'Back to the rest' }).click();
    await expect.element(page.getByRole('progressbar', { name: 'Rest remaining' })).toBeVisible();
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(360);
  });
});

describe('the start screen on a 360 × 640 phone whose browser has no Web Bluetooth', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await layOutAsTheApp(360, 640);
    // Firefox, or Safari on an iPhone: no navigator.bluetooth.
    const noBluetooth = { userAgent: navigator.userAgent } as Navigator;
    // A store that opens, as a phone's does: no notice that the app cannot save takes a line.
    mounted = await mountApp({
      start: true,
      navigator: noBluetooth,
      openStore: () => SessionStore.open({ name: 'header-360-no-bluetooth' }),
    });
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('keeps the header to its rows of buttons and devices, Start near the middle, the why a tap away', async () => {
    const start = page.getByRole('button', { name: 'Start', exact: true });
    await expect.element(start).toBeVisible();
    await expect.element(page.getByText('Virtual person: waiting')).toBeVisible();
    const panel = page.elementLocator(mounted.shell.shadowRoot!.querySelector('bb-device-panel')!);
    // Said up front, beside the menu whose strap and watches it cannot connect.
    await expect.element(panel.getByText('No Bluetooth in this browser')).toBeVisible();
    const header = mounted.shell.shadowRoot!.querySelector('header')!;
    // The note said whole above the menu's button took four lines, the header 274 px, Start 378–458.
    expect(header.getBoundingClientRect().height).toBeLessThanOrEqual(200);
    expect(start.element().getBoundingClientRect().bottom).toBeLessThanOrEqual(390);
    // Why, and what still works, in the menu with the choices it explains.
    await userEvent.click(panel.getByText('More devices'));
    await expect
      .element(panel.getByText(/Bluetooth is not available to this browser on this device/))
      .toBeVisible();
    await expect.element(panel.getByRole('button', { name: 'Polar H10 / Verity Sense' })).toBeDisabled();
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(360);
  });
});

describe('the start screen on a 360 × 640 phone whose browser has Web Bluetooth', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await layOutAsTheApp(360, 640);
    // A store that opens, as a phone's does: no notice that the app cannot save takes a line.
    mounted = await mountApp({
      start: true,
      openStore: () => SessionStore.open({ name: 'header-360-bluetooth' }),
    });
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('keeps History and Settings as buttons side by side under the heart rate, the header 148 px', async () => {
    const header = mounted.shell.shadowRoot!.querySelector('header')!;
    expect(page.getByRole('button', { name: 'History and Settings' }).query()).toBeNull();
    const history = page
      .getByRole('button', { name: 'History', exact: true })
      .element()
      .getBoundingClientRect();
    const settings = page
      .getByRole('button', { name: 'Settings', exact: true })
      .element()
      .getBoundingClientRect();
    expect(settings.top).toBe(history.top);
    expect(settings.left).toBeGreaterThan(history.right);
    for (const box of [history, settings]) {
      expect(box.width).toBeGreaterThanOrEqual(98);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    const heartRate = mounted.shell.shadowRoot!.querySelector('bb-heart-rate')!.getBoundingClientRect();
    expect(history.top).toBeGreaterThanOrEqual(heartRate.bottom);
    expect(header.getBoundingClientRect().height).toBeLessThanOrEqual(148);
  });

  it('keeps the devices to one line, whose tap opens to the strap to connect and the menu', async () => {
    expect(mounted.app.devices.state.noBluetooth).toBeNull();
    const start = page.getByRole('button', { name: 'Start', exact: true });
    await expect.element(start).toBeVisible();
    const panel = page.elementLocator(mounted.shell.shadowRoot!.querySelector('bb-device-panel')!);
    const line = panel.getByText('Virtual strap connected');
    await expect.element(line).toBeVisible();
    // One row of the header, as tall as a button: "Connect a Bluetooth strap" and "More devices",
    // wider together than the phone, took two rows under the devices, the header 242 px of 640.
    const row = line.element().closest('summary')!.getBoundingClientRect();
    expect(row.height).toBeLessThanOrEqual(48);
    const header = mounted.shell.shadowRoot!.querySelector('header')!;
    expect(header.getBoundingClientRect().height).toBeLessThanOrEqual(160);
    expect(panel.getByRole('button', { name: 'Connect a Bluetooth strap' }).query()).toBeNull();
    // A tap on the line reaches the strap, what the virtual person does, and the menu.
    await userEvent.click(line);
    await expect.element(panel.getByRole('button', { name: 'Connect a Bluetooth strap' })).toBeVisible();
    await expect.element(panel.getByText('Virtual person: waiting')).toBeVisible();
    await userEvent.click(panel.getByText('More devices'));
    await expect.element(panel.getByRole('button', { name: 'Polar H10 / Verity Sense' })).toBeVisible();
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(360);
  });

  it('starts the session at a tap on Start under the opened line, which stays where it is', async () => {
    const panel = mounted.shell.shadowRoot!.querySelector('bb-device-panel')!;
    const line = panel.shadowRoot!.querySelector<HTMLDetailsElement>('details.glance')!;
    const menu = line.querySelector<HTMLDetailsElement>('details.more')!;
    if (!line.open) await userEvent.click(line.querySelector('summary')!);
    // The menu left open by the test before lies over Start: put away, the line stays open.
    if (menu.open) await userEvent.keyboard('{Escape}');
    await expect.poll(() => [line.open, menu.open]).toEqual([true, false]);
    // Shut as the finger came down, the line took Start up from under it, and the tap was lost.
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await expect.poll(() => mounted.app.session.state.phase).not.toBe('ready');
  });
});

/** Whether two boxes share any area: touching edges do not. */
function overlap(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

describe('the header on the start screen with text at twice its size on a phone (180 × 320)', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await layOutAsTheApp(180, 320);
    // A store that opens, as a phone's does: no notice that the app cannot save takes a line.
    mounted = await mountApp({
      start: true,
      openStore: () => SessionStore.open({ name: 'header-180-start' }),
    });
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('keeps to a third of the window, the heart rate, the screens and the devices on two rows of 44 px targets, Start on the first screen', async () => {
    const root = mounted.shell.shadowRoot!;
    const heartRate = root.querySelector('bb-heart-rate')!;
    // The virtual person's heart rate, two digits as between sessions: the strap reports once a
    // second, and a loaded machine can take more than the poll's default second to mount and read.
    await expect
      .poll(() => heartRate.shadowRoot?.querySelector('.bpm')?.textContent, { timeout: 5000 })
      .toMatch(/^\d\d$/);
    const header = root.querySelector('header')!;
    // The heart rate, History, Settings and the devices' line a row each: 200 px of 320, and Start
    // under the window's edge until the page scrolled to it, the header above the window.
    expect(header.getBoundingClientRect().height).toBeLessThanOrEqual(innerHeight / 3);
    const menu = page.getByRole('button', { name: 'History and Settings' });
    await expect.element(menu).toBeVisible();
    const line = root
      .querySelector('bb-device-panel')!
      .shadowRoot!.querySelector('details.glance > summary')!;
    expect(clippedWords(line, 'Virtual strap connected')).toEqual([]);
    const boxes = [heartRate, menu.element(), line].map((element) => element.getBoundingClientRect());
    for (const [i, box] of boxes.entries()) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(180);
      for (const other of boxes.slice(i + 1)) expect(overlap(box, other)).toBe(false);
    }
    for (const target of boxes.slice(1)) {
      expect(target.width).toBeGreaterThanOrEqual(44);
      expect(target.height).toBeGreaterThanOrEqual(44);
    }
    const start = page.getByRole('button', { name: 'Start', exact: true }).element();
    await expect.poll(() => scrollY).toBe(0);
    expect(start.getBoundingClientRect().bottom).toBeLessThanOrEqual(innerHeight);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
  });

  it('opens History and Settings over the page, 44 px targets at the size of the words elsewhere, Start where it was', async () => {
    const header = mounted.shell.shadowRoot!.querySelector('header')!;
    const height = header.getBoundingClientRect().height;
    const start = page.getByRole('button', { name: 'Start', exact: true }).element();
    const startTop = start.getBoundingClientRect().top;
    await page.getByRole('button', { name: 'History and Settings' }).click();
    for (const name of ['History', 'Settings']) {
      const button = page.getByRole('button', { name, exact: true });
      await expect.element(button).toBeVisible();
      const box = button.element().getBoundingClientRect();
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(180);
      expect(Number.parseFloat(getComputedStyle(button.element()).fontSize)).toBeGreaterThanOrEqual(16);
    }
    expect(header.getBoundingClientRect().height).toBe(height);
    expect(start.getBoundingClientRect().top).toBe(startTop);
    // A tap elsewhere puts them away, and Escape too.
    await userEvent.click(page.getByRole('heading', { name: "Today's back-care session" }));
    await expect.element(page.getByRole('button', { name: 'History', exact: true })).not.toBeInTheDocument();
    await page.getByRole('button', { name: 'History and Settings' }).click();
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('button', { name: 'Settings', exact: true })).not.toBeInTheDocument();
    // Chosen, a screen opens under the same header, the menu put away.
    await page.getByRole('button', { name: 'History and Settings' }).click();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect.element(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
    expect(page.getByRole('button', { name: 'Settings', exact: true }).query()).toBeNull();
    expect(header.getBoundingClientRect().height).toBe(height);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
  });
});

describe('the start screen with text at twice its size on a phone (180 px wide)', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await layOutAsTheApp(180, 320);
    mounted = await mountApp({ start: true });
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('wraps rather than scroll sideways, the devices and their menu open too', async () => {
    await expect.element(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
    // The devices are a line that opens to what they do, the Bluetooth note and the menu.
    await page.getByText('Virtual strap connected').click();
    // Once the virtual strap says what its person does, the line has stopped growing: a tap taken
    // while that still pushes the menu's button down can miss it.
    await expect.element(page.getByText('Virtual person: waiting')).toBeVisible();
    await page.getByText('More devices').click();
    await expect.element(page.getByLabelText('Virtual person')).toBeVisible();
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
    const select = page.getByLabelText('Virtual person').element().getBoundingClientRect();
    expect(select.right).toBeLessThanOrEqual(180);
  });
});

describe('a set with a device problem, with text at twice its size on a phone (180 px wide)', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await layOutAsTheApp(180, 320);
    // A store that opens, as a phone's does: no notice that the app cannot save takes a line.
    mounted = await mountApp({ start: true, openStore: () => SessionStore.open({ name: 'header-180' }) });
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('keeps the count on screen under the header, the problem a line that opens to say it whole', async () => {
    const problem =
      'Not a recording: Backbeat cannot replay that file; only a file made with Save a recording can be.';
    // A file of another kind picked to replay.
    mounted.app.devices.replayText({ text: 'Eggs, milk, bread', fileName: 'shopping.txt' });
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.element(page.getByRole('button', { name: 'Start the set' })).toBeInTheDocument();
    mounted.app.session.beginSet();
    await expect.element(page.getByRole('progressbar', { name: 'Reps' })).toBeInTheDocument();
    const panel = page.elementLocator(mounted.shell.shadowRoot!.querySelector('bb-device-panel')!);
    await expect.element(panel.getByRole('alert')).toHaveTextContent(problem);
    // Shut, the line says what went wrong in full, not its first dozen characters and "…".
    const line = panel.getByRole('alert').element();
    expect(clippedWords(line, 'Not a recording')).toEqual([]);
    const set = mounted.shell.shadowRoot!.querySelector('bb-set-view')!;
    const shown = set.shadowRoot!.querySelector('.face .count')!;
    // On the screen as the page opens, at its top: no scroll needed, whatever the focus did.
    const fromTop = () => shown.getBoundingClientRect().bottom + scrollY;
    expect(fromTop()).toBeLessThanOrEqual(innerHeight);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
    // The problem's OK is a tap away: on the line.
    await panel.getByRole('alert').click();
    await panel.getByRole('button', { name: 'OK' }).click();
    await expect.element(panel.getByRole('alert')).not.toBeInTheDocument();
    // No problem: the devices' line, and the count still on screen.
    expect(fromTop()).toBeLessThanOrEqual(innerHeight);
  });
});

describe('a set counted by hand on a 360 × 640 phone, with a strap whose motion could not start', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;
  let strap: FakeDevice;

  beforeAll(async () => {
    restore = await layOutAsTheApp(360, 640);
    ({ mounted, strap } = await mountWithHeartRateOnlyStrap('header-360-motion-failed'));
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('keeps the problem to a line over the set, the ring and Finish in the window, its words and OK a tap away', async () => {
    await mounted.app.devices.connectBluetoothStrap();
    // 72 bpm: the strap sends, and no problem of a silent strap takes the place of motion's.
    strap.notify(HEART_RATE_MEASUREMENT, Uint8Array.of(0x00, 72));
    const panel = page.elementLocator(mounted.shell.shadowRoot!.querySelector('bb-device-panel')!);
    await expect.element(panel.getByRole('alert')).toHaveTextContent(/^Motion failed: it could not start/);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const line = panel.getByRole('alert');
    // Shut, the line says what a plain strap's row says: the strap is connected and the set is counted
    // by hand. It said "Motion failed" alone, neither that the strap still read the heart rate nor
    // what to do; why motion failed is a tap away, and a screen reader is told it after the state.
    const shutWords = 'Strap connected, heart rate only: count with +1';
    await expect.element(line).toHaveTextContent(shutWords);
    await expect
      .element(line)
      .toHaveTextContent(/offers no measurement data service. Heart rate still works.$/);
    expect(clippedWords(line.element(), shutWords)).toEqual([]);
    expect(clippedWords(line.element(), 'Motion failed')).toEqual(['Motion', 'failed:']);
    // Nothing connected sees the position: the set starts when it is due, counted with +1.
    await expect.element(page.getByRole('button', { name: '+1 rep' })).toBeInTheDocument();
    const set = mounted.shell.shadowRoot!.querySelector('bb-set-view')!;
    const finish = set.shadowRoot!.querySelector('button.finish')!;
    const howTo = set.shadowRoot!.querySelector('details')!;
    // The problem took four lines and its OK over the set, the virtual strap's switch a row more: the
    // page ran 127 px past the window, Mute and Finish under its edge at 643–699 px.
    expect(finish.getBoundingClientRect().bottom).toBeLessThanOrEqual(innerHeight);
    expect(howTo.getBoundingClientRect().bottom).toBeLessThanOrEqual(innerHeight);
    expect(document.documentElement.scrollHeight).toBeLessThanOrEqual(innerHeight);
    expect(line.element().getBoundingClientRect().height).toBeLessThanOrEqual(48);
    // The strap connected, the line stands for its row, and the ring is as large as with no problem:
    // under both it was 128 px, where 176 px with the problem put away.
    const ring = set.shadowRoot!.querySelector('bb-progress-ring')!;
    const header = mounted.shell.shadowRoot!.querySelector('header')!;
    const withProblem = { ring: ring.getBoundingClientRect().height, header: header.offsetHeight };
    expect(withProblem.ring).toBeGreaterThanOrEqual(170);
    // Read whole, with what can be done of it, at a tap on the line; OK puts it away.
    await line.click();
    await expect
      .element(panel.getByText(/offers no measurement data service. Heart rate still works./))
      .toBeVisible();
    await expect.element(panel.getByRole('button', { name: 'Use the virtual strap' })).toBeVisible();
    // Out of reach, the strap's row is back, over the problem's line, and the set keeps its buttons.
    strap.reachable = false;
    strap.drop();
    await expect.element(panel.getByText('Polar H10 0000E2E0')).toBeVisible();
    await expect.element(line).toHaveTextContent(/^Motion failed:/);
    expect(line.element().getBoundingClientRect().height).toBeLessThanOrEqual(48);
    expect(finish.getBoundingClientRect().bottom).toBeLessThanOrEqual(innerHeight);
    await line.click();
    await panel.getByRole('button', { name: 'OK' }).click();
    await expect.element(panel.getByRole('alert')).not.toBeInTheDocument();
    await expect.element(panel.getByText('Polar H10 0000E2E0')).toBeVisible();
    strap.reachable = true;
    await expect.poll(() => mounted.app.devices.state.devices[0]?.connection).toBe('connected');
    // Connected again, its motion fails again: the problem's line stands for the row once more.
    await expect.element(line).toHaveTextContent(shutWords);
    await line.click();
    await panel.getByRole('button', { name: 'OK' }).click();
    await expect.element(panel.getByRole('alert')).not.toBeInTheDocument();
    // The line is 2 px taller than the row's two lines of words.
    expect(header.offsetHeight - withProblem.header).toBeGreaterThanOrEqual(-2);
    expect(ring.getBoundingClientRect().height - withProblem.ring).toBeLessThanOrEqual(2);
  });
});

describe('a set with the virtual strap, with text at twice its size on a phone (180 px wide)', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await layOutAsTheApp(180, 320);
    mounted = await mountApp({
      start: true,
      openStore: () => SessionStore.open({ name: 'header-180-virtual' }),
    });
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('says which device counts and that it is connected, in full, the count still on screen', async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.element(page.getByRole('button', { name: 'Start the set' })).toBeInTheDocument();
    mounted.app.session.beginSet();
    await expect.element(page.getByRole('progressbar', { name: 'Reps' })).toBeInTheDocument();
    const panel = mounted.shell.shadowRoot!.querySelector('bb-device-panel')!;
    const line = panel.shadowRoot!.querySelector('.glance > summary')!;
    await expect.poll(() => line.textContent).toMatch(/Virtual strap connected/);
    // Shut, the line showed "Virtual stra…": neither the device nor how it is doing.
    expect(clippedWords(line, 'Virtual strap connected')).toEqual([]);
    const count = mounted.shell
      .shadowRoot!.querySelector('bb-set-view')!
      .shadowRoot!.querySelector('.face .count')!;
    expect(count.getBoundingClientRect().bottom + scrollY).toBeLessThanOrEqual(innerHeight);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
  });
});

describe('the screens between sessions with text at twice its size on a phone (180 px wide)', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeEach(async () => {
    restore = await layOutAsTheApp(180, 320);
    // A store that opens, as a phone's does: no notice that the app cannot save takes a line.
    mounted = await mountApp({
      start: true,
      openStore: () => SessionStore.open({ name: 'header-180-between' }),
    });
  });

  afterEach(async () => {
    mounted.remove();
    await restore();
  });

  /** How far down the page `element` ends: within the window, it is seen with the page at its top. */
  const endFromTop = (element: Element) => element.getBoundingClientRect().bottom + scrollY;

  it("shows History's Back and heading on the first screen, under the header, with no scroll", async () => {
    await expect.element(page.getByText('Virtual strap connected')).toBeVisible();
    await openScreenFromHeader('History');
    const history = page.elementLocator(mounted.shell.shadowRoot!.querySelector('bb-history')!);
    const heading = history.getByRole('heading', { name: 'History', exact: true });
    await expect.element(heading).toBeVisible();
    const back = history.getByRole('button', { name: 'Back', exact: true });
    expect(endFromTop(back.element())).toBeLessThanOrEqual(innerHeight);
    expect(endFromTop(heading.element())).toBeLessThanOrEqual(innerHeight);
    // The header over them is on that screen too: the heart rate, and History to tap again.
    await expect.poll(() => scrollY).toBe(0);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
  });

  it("shows the summary's heading on the first screen, under the header, with no scroll", async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Start the set' }).click();
    await page.getByRole('button', { name: 'Finish', exact: true }).click();
    await page.getByRole('button', { name: 'End session', exact: true }).click();
    const summary = page.elementLocator(mounted.shell.shadowRoot!.querySelector('bb-summary')!);
    const heading = summary.getByRole('heading', { name: /Ended early/ });
    await expect.element(heading).toBeVisible();
    expect(endFromTop(heading.element())).toBeLessThanOrEqual(innerHeight);
    await expect.poll(() => scrollY).toBe(0);
  });
});

describe('a set on a phone on its side (640 × 360), its heart-rate strap out of reach', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;
  let strap: FakeDevice;

  beforeAll(async () => {
    restore = await layOutAsTheApp(640, 360);
    ({ mounted, strap } = await mountWithHeartRateOnlyStrap('header-640-strap-away'));
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('keeps the header to one line of the devices, which opens to the strap, and the count where it was as the set goes on without it', async () => {
    await mounted.app.devices.connectBluetoothStrap();
    strap.notify(HEART_RATE_MEASUREMENT, Uint8Array.of(0x00, 72));
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.element(page.getByRole('button', { name: '+1 rep' })).toBeInTheDocument();
    const header = mounted.shell.shadowRoot!.querySelector('header')!;
    const connected = header.offsetHeight;
    const set = mounted.shell.shadowRoot!.querySelector('bb-set-view')!.shadowRoot!;
    const count = () => set.querySelector('.face .count')!.getBoundingClientRect().toJSON();
    const counted = count();
    strap.reachable = false;
    strap.drop();
    const panel = page.elementLocator(mounted.shell.shadowRoot!.querySelector('bb-device-panel')!);
    await expect.poll(() => mounted.app.devices.state.devices[0]?.connection).not.toBe('connected');
    await mounted.shell.updateComplete;
    // The strap's row, its note and the problem's line under them took the header from 58 px to 123
    // px of the 360 (148 px once the strap was given up on, its Reconnect in the row).
    expect(header.offsetHeight).toBeLessThanOrEqual(connected + 8);
    // The set goes on without it, and says so under its number, on two lines of the column beside
    // the ring: the ring, centred on that column's rows, went 23 px down with them.
    await expect.element(page.getByText('Heart-rate strap reconnecting: keep going')).toBeVisible();
    expect(count()).toEqual(counted);
    const line = panel.element().shadowRoot!.querySelector('details.glance > summary')!;
    await page.elementLocator(line).click();
    await expect.element(panel.getByText('Polar H10 0000E2E0')).toBeVisible();
  });
});

describe('a set paused on a 360 × 640 phone, the virtual strap standing in', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await layOutAsTheApp(360, 640);
    ({ mounted } = await mountWithHeartRateOnlyStrap('header-360-paused-set'));
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('offers the strap beside How to do it, the header and the ring as they were, and connects it at a tap', async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    mounted.app.session.beginSet();
    await expect.element(page.getByRole('progressbar', { name: 'Reps' })).toBeInTheDocument();
    const header = mounted.shell.shadowRoot!.querySelector('header')!;
    const set = mounted.shell.shadowRoot!.querySelector('bb-set-view')!;
    const ring = () => set.shadowRoot!.querySelector('bb-progress-ring')!.getBoundingClientRect().height;
    const running = { header: header.offsetHeight, ring: ring() };
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const offer = page.elementLocator(set).getByRole('button', { name: 'Add a strap' });
    await expect.element(offer).toBeVisible();
    // Offered in the header, a row of its own, it took the header from 98 to 146 px and the ring
    // from 256 to 208.
    expect(header.offsetHeight).toBe(running.header);
    expect(ring()).toBe(running.ring);
    expect(offer.element().getBoundingClientRect().bottom).toBeLessThanOrEqual(innerHeight);
    const panel = page.elementLocator(mounted.shell.shadowRoot!.querySelector('bb-device-panel')!);
    expect(panel.getByRole('button', { name: 'Connect a Bluetooth strap' }).query()).toBeNull();
    await offer.click();
    await expect
      .poll(() => mounted.app.devices.state.devices.map((d) => d.name))
      .toContain('Polar H10 0000E2E0');
    await expect.element(offer).not.toBeInTheDocument();
  });
});

describe('a rest paused on a 360 × 640 phone, the virtual strap standing in', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await layOutAsTheApp(360, 640);
    mounted = await mountApp({
      start: true,
      openStore: () => SessionStore.open({ name: 'header-360-paused-rest' }),
    });
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it("offers the strap in Start now's place, the header and the countdown as they were", async () => {
    expect(mounted.app.devices.state.noBluetooth).toBeNull();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    mounted.app.session.beginSet();
    mounted.app.session.skip();
    await expect.element(page.getByRole('progressbar', { name: 'Rest remaining' })).toBeInTheDocument();
    const header = mounted.shell.shadowRoot!.querySelector('header')!;
    const rest = mounted.shell.shadowRoot!.querySelector('bb-rest-view')!;
    const ring = () => rest.shadowRoot!.querySelector('bb-progress-ring')!.getBoundingClientRect().height;
    const running = { header: header.offsetHeight, ring: ring() };
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const offer = page.elementLocator(rest).getByRole('button', { name: 'Add a strap' });
    await expect.element(offer).toBeVisible();
    // Offered in the header, a row of its own, it took the header from 98 to 146 px and the ring
    // from 224 to 176.
    expect(header.offsetHeight).toBe(running.header);
    expect(ring()).toBe(running.ring);
    expect(offer.element().getBoundingClientRect().bottom).toBeLessThanOrEqual(innerHeight);
    // On Resume's row, in the place of Start now, which does nothing while paused.
    const resume = page.elementLocator(rest).getByRole('button', { name: 'Resume' }).element();
    expect(offer.element().getBoundingClientRect().top).toBe(resume.getBoundingClientRect().top);
    expect(page.elementLocator(rest).getByRole('button', { name: 'Start now' }).query()).toBeNull();
  });
});

describe('How to do it opened in a set on a 360 × 640 phone, then paused, the virtual strap standing in', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await layOutAsTheApp(360, 640);
    ({ mounted } = await mountWithHeartRateOnlyStrap('header-360-paused-how-to'));
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('keeps the steps open through Pause and Add a strap, the strap offered beside How to do it', async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    mounted.app.session.beginSet();
    await expect.element(page.getByRole('progressbar', { name: 'Reps' })).toBeInTheDocument();
    const set = page.elementLocator(mounted.shell.shadowRoot!.querySelector('bb-set-view')!);
    const howTo = () => set.element().shadowRoot!.querySelector('details')!;
    await set.getByText('How to do it').click();
    expect(howTo().open).toBe(true);
    await set.getByRole('button', { name: 'Pause', exact: true }).click();
    const offer = set.getByRole('button', { name: 'Add a strap' });
    // Pause built the row anew with the strap on it, the steps closed; and opened, they hid the strap.
    await expect.element(offer).toBeVisible();
    expect(howTo().open).toBe(true);
    const summary = howTo().querySelector('summary')!.getBoundingClientRect();
    const button = offer.element().getBoundingClientRect();
    expect(button.top).toBe(summary.top);
    expect(button.left).toBeGreaterThanOrEqual(summary.left + 144);
    expect(button.right).toBeLessThanOrEqual(344);
    await offer.click();
    await expect
      .poll(() => mounted.app.devices.state.devices.map((d) => d.name))
      .toContain('Polar H10 0000E2E0');
    await expect.element(offer).not.toBeInTheDocument();
    expect(howTo().open).toBe(true);
  });
});
