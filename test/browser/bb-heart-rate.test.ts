import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import appPage from '../../index.html?raw';
import type { DeviceStatus } from '../../src/app/device-status.ts';
import { noReadingReason } from '../../src/ui/bb-heart-rate.ts';
import { heartRateStrapStatus } from '../device-status.ts';
import { layOutAsTheApp, mount } from './mount.ts';

function strap(patch: Partial<DeviceStatus>): DeviceStatus {
  return heartRateStrapStatus(patch);
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

  it("says a watch is finding the pulse in the number's place, and shows the number once there is one", async () => {
    const element = await mount('bb-heart-rate', {
      bpm: null,
      finding: true,
      absence: 'Bangle.js 1a2b is finding your pulse',
    });
    const root = element.shadowRoot as ShadowRoot;
    expect(root.querySelector('.finding')?.textContent).toBe('finding pulse…');
    expect(root.querySelector('.bpm')).toBeNull();
    await expect
      .element(page.getByText('Heart rate: no reading, Bangle.js 1a2b is finding your pulse'))
      .toBeInTheDocument();
    element.bpm = 71;
    await element.updateComplete;
    expect(root.querySelector('.finding')).toBeNull();
    expect(root.querySelector('.bpm')?.textContent).toBe('71');
  });

  it("keeps a watch finding the pulse beside the heart, in the number's height, where the header leaves 120 px", async () => {
    // Beside the screens' menu of a 180 × 320 phone, the heart rate has 120 px, and "♥ finding pulse…" on one line is 148.
    const restore = await layOutAsTheApp(180, 320);
    const brand = document.createElement('div');
    brand.style.width = '120px';
    document.body.append(brand);
    try {
      const element = await mount('bb-heart-rate', { bpm: 76 });
      brand.append(element);
      const numberHeight = element.getBoundingClientRect().height;
      element.bpm = null;
      element.finding = true;
      await element.updateComplete;
      const root = element.shadowRoot as ShadowRoot;
      const words = root.querySelector('.finding')!.getBoundingClientRect();
      const heart = root.querySelector('.heart')!.getBoundingClientRect();
      // Beside the heart, not on a line of their own under it, and within the 120 px.
      expect(words.left).toBeGreaterThanOrEqual(heart.right);
      expect(words.top).toBeLessThan(heart.bottom);
      expect(words.right).toBeLessThanOrEqual(brand.getBoundingClientRect().right);
      // No taller than the number: the header does not move as the number comes.
      expect(element.getBoundingClientRect().height).toBe(numberHeight);
    } finally {
      brand.remove();
      await restore();
    }
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
    // Nothing connected measures it (a micro:bit, phone motion): "--" is for good, and says so.
    expect(
      noReadingReason([strap({ name: 'BBC micro:bit', kind: 'microbit', heartRate: false, motion: true })]),
    ).toBe('no connected device measures heart rate');
    expect(noReadingReason([])).toBeNull();
    // A watch still finding the pulse, beside a strap out of reach, is the one the heart rate will come from.
    const watch = strap({
      id: 'w',
      name: 'Bangle.js 1a2b',
      kind: 'bangle',
      heartRate: false,
      findingPulse: true,
    });
    expect(noReadingReason([strap({ connection: 'reconnecting' }), watch])).toBe(
      'Bangle.js 1a2b is finding your pulse',
    );
    // Another tab records the session: this tab's own device, connected as it is, is not the heart shown.
    expect(noReadingReason([strap({})], true)).toBe('the session is being recorded in another tab');
  });
});

/** The app's colours as index.html sets them, in its dark theme or, forced, its light one. */
function useTheme(theme: 'dark' | 'light'): HTMLStyleElement {
  const css = /<style>([\s\S]*?)<\/style>/.exec(appPage)?.[1] ?? '';
  const style = document.createElement('style');
  style.textContent = theme === 'light' ? css.replace('(prefers-color-scheme: light)', 'all') : css;
  document.head.append(style);
  document.body.style.color = 'var(--bb-text)';
  return style;
}

type Rgb = readonly [number, number, number];

function rgb(color: string): Rgb {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b];
}

/** WCAG 2 contrast ratio. */
function contrast(a: Rgb, b: Rgb): number {
  const luminance = (c: Rgb) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Red: a saturated colour whose hue is within 20° of pure red. */
function isRed([r, g, b]: Rgb): boolean {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max === 0 || (max - min) / max < 0.3 || max !== r) return false;
  const hue = (60 * (g - b)) / (max - min);
  return hue > -20 && hue < 20;
}

describe('bb-heart-rate zones', () => {
  let theme: HTMLStyleElement | null = null;
  afterEach(() => {
    theme?.remove();
    document.body.style.color = '';
  });

  for (const name of ['dark', 'light'] as const) {
    it(`colours zones 1 to 5 calm to strong in the ${name} theme, red only for zone 5, each easy to see`, async () => {
      theme = useTheme(name);
      const header = rgb(getComputedStyle(document.documentElement).backgroundColor);
      const borders: string[] = [];
      for (const zone of [1, 2, 3, 4, 5]) {
        const element = await mount('bb-heart-rate', { bpm: 100 + zone * 10, zone });
        const badge = element.shadowRoot!.querySelector('.zone')!;
        expect(badge.textContent).toBe(`zone ${zone}`);
        const style = getComputedStyle(badge);
        const border = rgb(style.borderTopColor);
        borders.push(style.borderTopColor);
        expect(isRed(border), `zone ${zone} border ${style.borderTopColor}`).toBe(zone === 5);
        // A badge's outline against the header (WCAG's 3:1 for what is not text)...
        expect(contrast(border, header)).toBeGreaterThanOrEqual(3);
        // ...and its words on its tint (15 % of the zone's colour over the header).
        const tint = header.map((v, i) => v * 0.85 + border[i] * 0.15) as unknown as Rgb;
        expect(contrast(rgb(style.color), tint)).toBeGreaterThanOrEqual(4.5);
        element.remove();
      }
      expect(new Set(borders).size).toBe(5);
    });
  }
});

describe('bb-heart-rate room', () => {
  const SIZES = [
    [360, 640],
    [1366, 768],
    [180, 320],
  ] as const;
  it.each(SIZES)(
    'keeps the width of three digits and a zone at %i × %i, whatever it shows',
    async (width, height) => {
      const restore = await layOutAsTheApp(width, height);
      try {
        const element = await mount('bb-heart-rate', { bpm: null, zones: true });
        const widthOf = async (shown: Partial<typeof element>) => {
          Object.assign(element, { bpm: null, finding: false, zone: null, ...shown });
          await element.updateComplete;
          return element.getBoundingClientRect().width;
        };
        const noReading = await widthOf({});
        expect(await widthOf({ finding: true })).toBe(noReading);
        expect(await widthOf({ bpm: 58 })).toBe(noReading);
        expect(await widthOf({ bpm: 81, zone: 1 })).toBeCloseTo(noReading, 0);
        expect(await widthOf({ bpm: 188, zone: 5 })).toBe(noReading);
        // Without a maximum no zone comes, and no room is kept for one.
        element.zones = false;
        const unzoned = await widthOf({ bpm: 100 });
        expect(unzoned).toBeLessThan(noReading);
        expect(await widthOf({})).toBe(unzoned);
        expect(await widthOf({ bpm: 9 })).toBe(unzoned);
      } finally {
        await restore();
      }
    },
  );
});
