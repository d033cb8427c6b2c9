// A backup some of whose sessions are damaged: what is told of each, and the words of the choice to
// import the others without them.

/**
 * A session of a backup that cannot be read, in a file otherwise whole: the rest of it can be imported
 * without it, once the person has chosen to (see partlyDamagedWords).
 */
export interface DamagedSession {
  /** Counted from 1, as the file's sessions are to a person. */
  readonly session: number;
  /** What is wrong, and where in the session: "set 1: \"count\" should be a number". */
  readonly problem: string;
  /** The refusal this damage alone gave, for a file of this session alone. */
  readonly message: string;
}

/**
 * The damaged sessions of a file, the first two named with what is wrong and then how many more, as
 * the notice of pauses left out tells them: "session 3 (set 1: …), session 9 (…) and 4 more".
 */
export function damagedSessionsNamed(damaged: readonly DamagedSession[]): string {
  const named = damaged.slice(0, 2).map((d) => `session ${d.session} (${d.problem})`);
  if (damaged.length <= 2) return named.join(' and ');
  return `${named.join(', ')} and ${damaged.length - 2} more`;
}

/**
 * The words of a backup some of whose sessions are damaged, read to its end and nothing imported: why,
 * and the button that imports the `adding` of its `readable` others not here yet (the rest are here
 * already, and would be kept as they are), without the damaged ones; no button where there are none.
 * `whenFull`: what the choice says once storage had no room for them, its button kept.
 */
export function partlyDamagedWords(
  damaged: readonly DamagedSession[],
  readable: number,
  adding = readable,
): { notice: string; button: string | null; whenFull: string } {
  const all = damaged.length + readable;
  const named = damagedSessionsNamed(damaged);
  if (readable === 0) {
    return {
      notice:
        damaged.length === 1
          ? damaged[0]!.message
          : `This file is damaged: none of its ${all} sessions can be read, ${named}. Nothing was imported.`,
      button: null,
      whenFull: '',
    };
  }
  const which =
    damaged.length === 1
      ? `session ${damaged[0]!.session} of its ${all} cannot be read (${damaged[0]!.problem})`
      : `${damaged.length} of its ${all} sessions cannot be read, ${damagedSessionsNamed(damaged)}`;
  const without = `without ${damaged.length === 1 ? 'it' : 'them'}`;
  const here = readable - adding;
  if (adding === 0) {
    return {
      notice: `This file is damaged: ${which}. Nothing was imported: ${readable === 1 ? 'the other one is' : `the other ${readable} are`} here already.`,
      button: null,
      whenFull: '',
    };
  }
  // A count of the others alone would promise sessions the import then finds here and keeps as they are.
  const { can, button, sessions } =
    here === 0
      ? {
          can: `${readable === 1 ? 'the other one' : `the other ${readable}`} can be, ${without}`,
          button: readable === 1 ? 'Import the other one' : `Import the other ${readable}`,
          sessions: readable === 1 ? 'the other session' : `the other ${readable} sessions`,
        }
      : {
          can: `of the other ${readable}, ${adding === 1 ? 'the one' : `the ${adding}`} not here yet can be, ${without}; ${here} ${here === 1 ? 'is' : 'are'} here already`,
          button: adding === 1 ? 'Import the one not here yet' : `Import the ${adding} not here yet`,
          sessions: adding === 1 ? 'the session not here yet' : `the ${adding} sessions not here yet`,
        };
  return {
    notice: `This file is damaged: ${which}. Nothing was imported: ${can}.`,
    button,
    // The choice stays for a tap once there is room, the file picked already: the words say so.
    whenFull: `Storage is full, so nothing was imported: ${sessions} did not fit, and the sessions here are as they were. Free some space on the device, then tap ${button} again; ${named} ${damaged.length === 1 ? 'stays' : 'stay'} out as damaged.`,
  };
}
