// The header as the heart rate comes, goes and changes its number of digits: History and Settings (or
// their menu), the devices' line, and under a session's header its Mute, stay where a finger left them.
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import {
  type AppShell,
  mountWithHeartRateOnlyStrap,
  openScreenFromHeader,
  strapReadings,
} from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

/**
 * The app started, its strap connected and sending nothing yet; `age` gives each reading a zone. The
 * strap sends what it is given once a second, as a strap worn does, until the app is taken off the page.
 */
async function mountWithStrap(storeName: string, age: number | null) {
  const { mounted, strap } = await mountWithHeartRateOnlyStrap(storeName, age === null ? undefined : { age });
  await mounted.app.devices.connectBluetoothStrap();
  const readings = strapReadings(strap);
  const remove = () => {
    readings.stop();
    mounted.remove();
  };
  return { mounted: { ...mounted, remove }, strap: readings };
}

/** What the header shows where the number goes: "--", "finding pulse…" or the reading. */
function shownHeartRate(mounted: AppShell): string | undefined {
  const heartRate = mounted.shell.shadowRoot!.querySelector('bb-heart-rate')!.shadowRoot!;
  return (heartRate.querySelector('.bpm') ?? heartRate.querySelector('.finding'))?.textContent ?? undefined;
}

/**
 * The boxes of what a person taps or reads in the header, and of the header, to the pixel, on the page
 * (a field typed in below scrolls it): "zone 1" and "zone 5" differ by a twentieth of one, which no one
 * sees.
 */
function boxes(mounted: AppShell, extra: Record<string, Element | null> = {}): Record<string, string> {
  const root = mounted.shell.shadowRoot!;
  const panel = root.querySelector('bb-device-panel')!;
  const named: Record<string, Element | null> = {
    header: root.querySelector('header'),
    history: [...root.querySelectorAll('nav button')].find((b) => b.textContent === 'History') ?? null,
    settings: [...root.querySelectorAll('nav button')].find((b) => b.textContent === 'Settings') ?? null,
    menu: root.querySelector('button.menu'),
    devices: panel.shadowRoot!.querySelector('details.glance > summary') ?? panel,
    ...extra,
  };
  const out: Record<string, string> = {};
  for (const [name, element] of Object.entries(named)) {
    if (!element) continue;
    const box = element.getBoundingClientRect();
    out[name] = [box.left + scrollX, box.top + scrollY, box.width, box.height]
      .map((n) => Math.round(n))
      .join(' ');
  }
  return out;
}

const SIZES = [
  [360, 640],
  [640, 360],
  [1366, 768],
  [180, 320],
] as const;

describe.each(SIZES)('the header at %i × %i as the heart rate changes', (width, height) => {
  it("keeps the screens' buttons and the devices where they are, no reading to two and three digits", async () => {
    const restore = await layOutAsTheApp(width, height);
    const { mounted, strap } = await mountWithStrap(`header-still-${width}`, null);
    try {
      await expect.poll(() => shownHeartRate(mounted)).toBe('--');
      await mounted.shell.updateComplete;
      const noReading = boxes(mounted);
      // History or the menu that holds it: between sessions the header offers one of them.
      expect(Object.keys(noReading)).toEqual(
        expect.arrayContaining(width <= 240 ? ['menu'] : ['history', 'settings']),
      );
      for (const bpm of [81, 100, 188]) {
        strap.send(bpm);
        await expect.poll(() => shownHeartRate(mounted)).toBe(String(bpm));
        await mounted.shell.updateComplete;
        expect(boxes(mounted), `${bpm} bpm`).toEqual(noReading);
      }
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
    } finally {
      mounted.remove();
      await restore();
    }
  });

  it("keeps them where they are as a zone comes with the reading, the person's age set", async () => {
    const restore = await layOutAsTheApp(width, height);
    // At 30, 81 bpm is under zone 1; 100 is zone 1 and 188 zone 5.
    const { mounted, strap } = await mountWithStrap(`header-still-zones-${width}`, 30);
    try {
      await expect.poll(() => shownHeartRate(mounted)).toBe('--');
      await mounted.shell.updateComplete;
      const shown: Record<string, Record<string, string>> = { '--': boxes(mounted) };
      for (const bpm of [81, 100, 188]) {
        strap.send(bpm);
        await expect.poll(() => shownHeartRate(mounted)).toBe(String(bpm));
        await mounted.shell.updateComplete;
        shown[bpm] = boxes(mounted);
      }
      expect(shown[81]).toEqual(shown['--']);
      expect(shown[188]).toEqual(shown[100]);
      // Beside the menu of a phone with its text at twice its size "zone 1" under the number took the
      // header from 106 to 126 px, the devices' line and all under it 20 px down.
      expect(shown[100]).toEqual(shown['--']);
      expect(Number.parseFloat(shown[100]!.header!.split(' ')[3]!)).toBeLessThanOrEqual(innerHeight / 3);
    } finally {
      mounted.remove();
      await restore();
    }
  });

  it('keeps the devices and the set under the header, its Mute, where they are from two digits to three', async () => {
    const restore = await layOutAsTheApp(width, height);
    const { mounted, strap } = await mountWithStrap(`header-still-set-${width}`, 30);
    try {
      strap.send(81);
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      mounted.app.session.beginSet();
      const mute = page.getByRole('button', { name: 'Mute' });
      await expect.element(mute).toBeInTheDocument();
      await expect.poll(() => shownHeartRate(mounted)).toBe('81');
      await mounted.shell.updateComplete;
      const twoDigits = boxes(mounted, { mute: mute.element() });
      strap.send(188);
      await expect.poll(() => shownHeartRate(mounted)).toBe('188');
      await mounted.shell.updateComplete;
      expect(boxes(mounted, { mute: mute.element() })).toEqual(twoDigits);
    } finally {
      mounted.remove();
      await restore();
    }
  });
});

// Between sessions on a phone with its text at twice its size the zone that came as the age was set
// took a line of its own under the number, the header from 106 to 126 px: the devices' line and all
// under it went 20 px down.
describe('the header at 180 × 320 as a zone comes between sessions', () => {
  it("keeps the screens' menu, the devices' line and the header's height as the age is set in Settings and the reading then has a zone", async () => {
    const restore = await layOutAsTheApp(180, 320);
    const { mounted, strap } = await mountWithStrap('header-still-age-180', null);
    try {
      strap.send(188);
      await expect.poll(() => shownHeartRate(mounted)).toBe('188');
      await mounted.shell.updateComplete;
      const noZone = boxes(mounted);
      mounted.app.settings.setAge(30);
      const zone = () =>
        mounted.shell
          .shadowRoot!.querySelector('bb-heart-rate')!
          .shadowRoot!.querySelector('.zone:not(.kept)');
      await expect.poll(() => zone()?.textContent).toBe('zone 5');
      await mounted.shell.updateComplete;
      expect(boxes(mounted, { zone: zone() })).toEqual({ ...noZone, zone: expect.any(String) });
      // The zone is seen, whole in the window, beside the number, not under it.
      const box = zone()!.getBoundingClientRect();
      const number = zone()!.parentNode!.querySelector('.bpm')!.getBoundingClientRect();
      expect(box.top).toBeLessThan(number.bottom);
      expect(box.right).toBeLessThanOrEqual(180);
      expect(box.width).toBeGreaterThan(0);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
    } finally {
      mounted.remove();
      await restore();
    }
  });
});

// On a laptop the zone's room that came as the age was set in Settings took History and Settings 96 px
// to the right, from under the pointer that had just set it.
describe.each(SIZES)('the header at %i × %i as an age is set and cleared in Settings', (width, height) => {
  it("keeps the screens' buttons, the devices and the header's height where they are", async () => {
    const restore = await layOutAsTheApp(width, height);
    const { mounted, strap } = await mountWithStrap(`header-still-settings-${width}`, null);
    const zone = () =>
      mounted.shell.shadowRoot!.querySelector('bb-heart-rate')!.shadowRoot!.querySelector('.zone:not(.kept)');
    const settle = async () => {
      await mounted.shell.updateComplete;
      await mounted.shell.shadowRoot!.querySelector('bb-heart-rate')!.updateComplete;
    };
    try {
      strap.send(188);
      await expect.poll(() => shownHeartRate(mounted)).toBe('188');
      await openScreenFromHeader('Settings');
      const age = page.getByRole('spinbutton', { name: 'Age' });
      await expect.element(age).toBeInTheDocument();
      await settle();
      const noAge = boxes(mounted);
      expect(Object.keys(noAge)).toEqual(
        expect.arrayContaining(width <= 240 ? ['menu'] : ['history', 'settings']),
      );

      await age.fill('30');
      await userEvent.keyboard('{Tab}');
      await expect.poll(() => zone()?.textContent?.replace(/\s+/g, ' ').trim()).toBe('zone 5');
      await settle();
      expect(boxes(mounted), 'age 30').toEqual(noAge);

      await age.fill('');
      await userEvent.keyboard('{Tab}');
      await expect.poll(() => mounted.app.settings.state.age).toBeNull();
      await expect.poll(() => zone()).toBeNull();
      await settle();
      expect(boxes(mounted), 'no age').toEqual(noAge);

      await page.getByRole('spinbutton', { name: 'Maximum heart rate, bpm, if you know it' }).fill('190');
      await userEvent.keyboard('{Tab}');
      await expect.poll(() => zone()?.textContent?.replace(/\s+/g, ' ').trim()).toBe('zone 5');
      await settle();
      expect(boxes(mounted), 'a maximum of 190').toEqual(noAge);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
    } finally {
      mounted.remove();
      await restore();
    }
  });
});
