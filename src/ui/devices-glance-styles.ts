// The look of the device panel's line at a glance (see BbDevicePanel.renderAtAGlance): the devices,
// or their problem, on a line a tap opens, as a phone with its text at twice its size or an upright
// phone shows them: their names and states, or the problem, on two lines at most; opened, everything
// the panel says and offers. Kept apart from the look of the panel laid out whole, as a laptop shows it.
import { css } from 'lit';
import { hiddenFromSight } from './styles.ts';

export const devicesGlanceStyles = css`
  /* The header's width, never its line's: that is cut short at the edge. */
  :host([glance]) {
    flex: 1 1 100%;
    min-width: 0;
  }
  .glance {
    flex-basis: 100%;
    min-width: 0;
    contain: inline-size;
  }
  /*
   * 121 px beside the marker on a 180 px screen: at 0.6rem a side, "Out of reach:" (118.5 px) took
   * a line more than the 118 left, and a Verity Sense out of reach, "armband", went under the clamp.
   */
  .glance > summary {
    width: 100%;
    padding: 0 0.5rem;
  }
  .glance > summary.problem-line {
    background: var(--bb-problem-bg, #3b2a0a);
    border-color: var(--bb-warn, #fbbf24);
  }
  .glance .line {
    flex: 1 1 0;
    min-width: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  /*
   * A word wider than the line breaks where it must: opened at 180×320, "INVALID_MTU" and
   * "disconnected." stood cut to "INVALID_M…" and "disconnect…" by the shut line's ellipsis.
   */
  .glance[open] .line {
    white-space: normal;
    overflow-wrap: anywhere;
    padding-block: 0.4rem;
  }
  /*
   * Shut, a problem's line is what went wrong, on up to two lines (a file that is no recording, a
   * strap out of reach); the why and what to do are a tap away, and read out with it. The devices'
   * line too: on one, the virtual strap was "Virtual stra…", neither the device nor how it was.
   */
  .glance:not([open]) .line {
    white-space: normal;
  }
  .glance:not([open]) .gist {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
    line-height: 1.2;
  }
  /*
   * The devices' state said over their problem (see stateSaidOverProblem), each part on a line of its
   * own, the devices' cut short at the edge: "Polar Sense 1A2B3C4D connected, heart rate only: count
   * with +1" took three lines of a 360 px phone, and how to count went under the clamp.
   */
  .glance:not([open]) .said-line {
    display: block;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .glance:not([open]) .rest {
    ${hiddenFromSight}
  }
  /* Not read out: the rest, read with the headline, names the device. */
  .glance:not([open]) .gist[data-subject]::after {
    content: ' ' attr(data-subject) / '';
  }
  /* Read out, before the rest it leads to; seen, a colon with nothing after it. */
  .glance:not([open]) .gist:not([data-subject]) .colon {
    ${hiddenFromSight}
  }
  .glance-body {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
    padding-top: 0.25rem;
  }
`;
