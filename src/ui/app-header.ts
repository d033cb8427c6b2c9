// The app's header over every screen: its name, the heart rate, the way to History and Settings between
// sessions (see ScreensMenu), and the devices. Rendered in the app shell's own root (see bb-app), which
// takes its styles: the main under it is laid out against the header's height there.

import { css, html } from 'lit';
import type { GoneOnWithout } from '../app/device-needs.ts';
import type { DeviceState } from '../app/device-status.ts';
import type { HeartRateSample } from '../sensors/samples.ts';
import type { VirtualPersonStatus } from '../sensors/virtual/virtual-strap.ts';
import { maxHeartRate, zoneOf } from '../workout/heart.ts';
import { concernedExercise } from '../workout/next-set.ts';
import type { SessionState } from '../workout/session.ts';
import { setKey } from '../workout/sets-and-rests.ts';
import type { Settings } from '../workout/settings.ts';
import { findingPulse, noReadingReason } from './bb-heart-rate.ts';
import { pausedByThePerson } from './session-switch.ts';
import { hiddenFromSight, lowLandscape, narrow } from './styles.ts';
import './bb-device-panel.ts';

/** What the header shows. */
export interface AppHeaderParts {
  readonly session: SessionState;
  readonly device: DeviceState;
  readonly heartRate: HeartRateSample | null;
  readonly person: VirtualPersonStatus | null;
  readonly settings: Settings;
  /** The session is being recorded in another tab: this one reads no heart rate. */
  readonly recordedElsewhere: boolean;
  /** A phone with its text at twice its size (see styles.ts' NARROW). */
  readonly narrow: boolean;
  /** The devices out of reach that the set or rest goes on without, which the header says calmly. */
  readonly goneOnWithout: readonly GoneOnWithout[];
  /** The way to History and Settings, between sessions only (see ScreensMenu). */
  readonly navigation: unknown;
}

export const appHeaderStyles = css`
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1.25rem;
    padding: 0.4rem 1rem;
    border-bottom: 1px solid var(--bb-border, #3b4656);
  }
  /* Wrapping only where nothing else fits: text at twice its size on a phone, 180 px wide. */
  .brand {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
  }
  h1 {
    margin: 0;
    font-size: clamp(1.2rem, 4vw, 1.5rem);
    letter-spacing: 0.02em;
  }
  bb-device-panel {
    margin-left: auto;
  }
  /*
   * Between sessions the app's name and the heart rate take the room their row leaves, and History
   * and Settings keep to the other side of it: after them, the zone's room that came as an age was
   * set in Settings took both 96 px to the right on a laptop, from under the pointer that set it.
   */
  header:not(.session) .brand {
    flex-grow: 1;
  }
  nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  nav button {
    font-size: 1rem;
    min-height: 2.75rem;
    padding-inline: 0.9rem;
  }
  /* On a phone the screens' buttons share the first row with the heart rate when they fit. */
  @media (max-width: 40rem) {
    header {
      padding-inline: 0.75rem;
      column-gap: 0.75rem;
    }
    nav {
      margin-left: auto;
    }
    bb-device-panel {
      margin-left: 0;
    }
    .brand {
      gap: 0.5rem;
    }
  }
  /*
   * On a phone on its side a session's header keeps to one row, the devices' words wrapping beside
   * the heart rate, and the set or rest screen under it loses no height to empty rows.
   */
  @media ${lowLandscape} {
    header.session {
      flex-wrap: nowrap;
    }
    header.session .brand {
      flex: none;
    }
    header.session bb-device-panel {
      min-width: 0;
    }
  }
  /*
   * On a phone with its text at twice its size the header is the heart rate, the screens' menu
   * and one line of the devices (see bb-device-panel), so that the screen under it starts on the
   * first screen: a set's count, History's Back and heading, the summary's heading. The app's name
   * is left to screen readers, still the page's heading.
   */
  @media ${narrow} {
    h1 {
      ${hiddenFromSight}
    }
  }
  /*
   * Between sessions there, History and Settings, each a row of their own under the heart rate
   * (History and Settings side by side are wider than 180 px), took the header to 200 px of 320
   * and Start below the window: they are a menu (see ScreensMenu) beside the heart rate, the
   * devices' line under them, the header 106 px. Narrower margins give the heart rate and the
   * menu's 44 px one row; a session's header keeps its own, so that the set under it does not move.
   */
  @media ${narrow} {
    header:not(.session) {
      padding-inline: 0.375rem;
      column-gap: 0.25rem;
    }
    header:not(.session) .brand {
      flex: 1 1 0;
      min-width: 0;
    }
    header:not(.session) bb-device-panel {
      flex-basis: 100%;
    }
    /* At the top of the row, where a zone going under the number (a type with wider digits) leaves it: centred, it went 10 px down. */
    header:not(.session) .screens {
      align-self: flex-start;
    }
  }
  .screens {
    position: relative;
    margin-left: auto;
  }
  button.menu {
    display: grid;
    place-items: center;
    width: 2.75rem;
    min-width: 2.75rem;
    font-size: 1rem;
    min-height: 2.75rem;
    padding: 0;
  }
  /* Three bars drawn with borders: they take the text's colour, in forced colours too. */
  .bars {
    box-sizing: border-box;
    display: grid;
    align-content: center;
    width: 1.25rem;
    height: 1rem;
    border-block: 2px solid;
  }
  .bars::before {
    content: '';
    border-top: 2px solid;
  }
  /* Over the page, as the devices' menu is: in the header's flow it would move Start from under a finger. */
  .screens > nav {
    position: absolute;
    top: calc(100% + 0.25rem);
    right: 0;
    z-index: 3;
    flex-direction: column;
    padding: 0.5rem;
    border-radius: 0.75rem;
    border: 2px solid var(--bb-border, #3b4656);
    background: var(--bb-bg, #0d1117);
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.35);
  }
  nav button[aria-pressed='true'],
  button.menu[data-screen-open] {
    border-color: var(--bb-accent, #4ade80);
  }
  /* In forced colours every border is the same colour: the open screen's button is underlined. */
  @media (forced-colors: active) {
    nav button[aria-pressed='true'] {
      text-decoration: underline;
      text-decoration-thickness: 3px;
      text-underline-offset: 4px;
    }
  }
`;

/**
 * The header. History and Settings are for between sessions (settings are for between sessions
 * only): in a session the header is the heart rate and the devices alone, as tall in a set as in a
 * rest. History, which a rest opens (with saving the session so far), is a button of the rest's own
 * (see bb-rest-view), and the next set brings the exercise back. In the header, on a phone, it took a
 * row of its own under the heart rate, and the screen jumped 48 px down at each rest and back up at
 * each set.
 */
export function renderAppHeader(parts: AppHeaderParts) {
  const { session, device } = parts;
  const running = session.phase === 'set' || session.phase === 'rest';
  return html`<header class=${running ? 'session' : ''}>
    <div class="brand">
      <h1>Backbeat</h1>
      <bb-heart-rate
        .bpm=${parts.heartRate?.bpm ?? null}
        .zone=${heartZone(parts.heartRate, parts.settings)}
        ?zones=${keepsZoneRoom(parts.settings)}
        .zoneNumberOnly=${!running && parts.narrow}
        .absence=${noReadingReason(device.devices, parts.recordedElsewhere)}
        ?finding=${!parts.recordedElsewhere && findingPulse(device.devices) !== undefined}
      ></bb-heart-rate>
    </div>
    ${running ? null : parts.navigation}
    <bb-device-panel
      .device=${device}
      .person=${parts.person}
      ?compact=${running}
      .sessionScreen=${running ? `${session.phase} ${setKey(session) ?? ''}` : null}
      ?pausedByThePerson=${pausedByThePerson(session)}
      .goneOnWithout=${parts.goneOnWithout}
      .sessionExercise=${running ? concernedExercise(session)?.id : undefined}
    ></bb-device-panel>
  </header>`;
}

function heartZone(heartRate: HeartRateSample | null, settings: Settings): number | null {
  const bpm = heartRate?.bpm;
  const maxHr = maxHeartRate(settings);
  if (!bpm || maxHr === null) return null;
  return zoneOf(bpm, maxHr) || null;
}

/**
 * The heart rate keeps a zone's room while it shows none (see BbHeartRate.zones), so that what is
 * beside and under it stays put as a zone comes and goes; between sessions on a phone with its text
 * at twice its size the zone is its number alone (see BbHeartRate.zoneNumberOnly), which fits the row
 * beside the screens' menu: "zone 1" took a line of its own there, the header from 106 to 126 px of 320.
 */
function keepsZoneRoom(settings: Settings): boolean {
  return maxHeartRate(settings) !== null;
}
