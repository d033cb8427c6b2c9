import { css } from 'lit';

/** Buttons big enough to hit from the mat, in the app's colours. */
export const buttonStyles = css`
  button {
    font: inherit;
    font-size: 1.25rem;
    font-weight: 600;
    min-height: 3.5rem;
    min-width: 3.5rem;
    padding: 0.5rem 1.25rem;
    border-radius: 0.75rem;
    border: 2px solid var(--bb-border, #3b4656);
    background: var(--bb-button, #1c2430);
    color: var(--bb-text, #f5f7fa);
    cursor: pointer;
  }
  button:hover {
    border-color: var(--bb-accent, #4ade80);
  }
  button:focus-visible {
    outline: 4px solid var(--bb-focus, #facc15);
    outline-offset: 2px;
  }
  button.primary {
    background: var(--bb-accent, #4ade80);
    border-color: var(--bb-accent, #4ade80);
    color: var(--bb-on-accent, #06210f);
  }
  button.quiet {
    background: transparent;
  }
`;

/** Fields and menus that sit beside the buttons. */
export const fieldStyles = css`
  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--bb-button, #1c2430);
    border: 2px solid var(--bb-border, #3b4656);
    border-radius: 0.5rem;
    min-height: 2.75rem;
    padding: 0 0.5rem;
  }
`;

/** Text for screen readers only. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
