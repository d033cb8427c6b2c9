// Why a session's file could not be made, as the summary, History and the storage notice say it.
import { describe, expect, it } from 'vitest';
import { fileNotMadeWords } from '../../../src/ui/file-not-made.ts';

describe('the words of a file that could not be made', () => {
  it('name the kind of file, then why', () => {
    expect(
      fileNotMadeWords('json', new Error('its writer could not be loaded (is the device offline?).')),
    ).toBe('The JSON file could not be made: its writer could not be loaded (is the device offline?).');
    expect(fileNotMadeWords('fit', 'no bytes')).toBe('The FIT file could not be made: no bytes');
  });

  it('goes on in lower case after the colon from words written as a sentence of their own, not from a name in capitals', () => {
    expect(fileNotMadeWords('json', new Error('That session is no longer here.'))).toBe(
      'The JSON file could not be made: that session is no longer here.',
    );
    expect(fileNotMadeWords('csv', new Error('FIT SDK missing'))).toBe(
      'The CSV file could not be made: FIT SDK missing',
    );
  });
});
