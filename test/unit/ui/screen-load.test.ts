// What shows in the place of History or Settings while their code is on its way, or cannot come.
import { describe, expect, it } from 'vitest';
import { screenLoadWords } from '../../../src/ui/screen-load.ts';

describe('the words in the place of a screen whose code has not arrived', () => {
  it('name the screen while it loads', () => {
    expect(screenLoadWords('history', 'loading')).toBe('Loading History…');
    expect(screenLoadWords('settings', 'loading')).toBe('Loading Settings…');
  });

  it('say why it cannot be shown, what to do, and that the sessions are not lost', () => {
    expect(screenLoadWords('history', 'failed')).toBe(
      'History could not be loaded: it is not saved on this device yet and the network is out of reach. ' +
        'Try again once online. Your sessions are safe.',
    );
    expect(screenLoadWords('settings', 'failed')).toMatch(/^Settings could not be loaded: /);
  });
});
