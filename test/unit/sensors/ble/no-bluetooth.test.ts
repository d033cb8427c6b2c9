import { describe, expect, it } from 'vitest';
import { noBluetoothWords } from '../../../../src/sensors/ble/errors.ts';
import { HEADLINE_MAX_CHARS } from '../../../../src/ui/problem-line.ts';

const LINUX_CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const WINDOWS_EDGE =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0';
const IPHONE_CHROME =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1';
const ANDROID_WEBVIEW =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.0.0 Mobile Safari/537.36';

describe('what is said where the browser has no Web Bluetooth', () => {
  it('does not send a person already in Chrome or Edge to Chrome or Edge', () => {
    for (const agent of [LINUX_CHROME, WINDOWS_EDGE]) {
      const words = noBluetoothWords(agent);
      expect(words.note).toBe(
        'Bluetooth is not available to this browser on this device, so a strap or watch cannot connect here; the virtual strap and recordings still work.',
      );
      expect(words.problem).toMatch(/^No Bluetooth: /);
      expect(words.problem).not.toMatch(/Chrome or Edge/);
    }
  });

  it('points other browsers, and every browser on an iPhone, to one that connects', () => {
    for (const agent of [FIREFOX, IPHONE_CHROME, ANDROID_WEBVIEW, '']) {
      const words = noBluetoothWords(agent);
      expect(words.note).toBe(
        'This browser has no Bluetooth: a strap or watch connects in Chrome or Edge (Bluefy on an iPhone).',
      );
      expect(words.problem).toMatch(/^No Bluetooth: .*Chrome or Edge/);
    }
  });

  it('says it in short beside the menu of devices, true in Chrome with it turned off as elsewhere', () => {
    for (const agent of [LINUX_CHROME, FIREFOX, IPHONE_CHROME])
      expect(noBluetoothWords(agent).brief).toBe('No Bluetooth in this browser');
  });

  it('keeps the headline short enough for a 180 px line', () => {
    for (const agent of [LINUX_CHROME, FIREFOX]) {
      const headline = noBluetoothWords(agent).problem.split(':')[0];
      expect(headline.length + 1).toBeLessThanOrEqual(HEADLINE_MAX_CHARS);
    }
  });
});
