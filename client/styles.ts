import { css } from 'lit';

/** The design tokens and the few shared rules every view uses. */
export const base = css`
  :host {
    --red: #b3261e;
    --red-dark: #8c1d18;
    --ink: #1c1b1f;
    --muted: #5f5b66;
    --line: #d9d5dc;
    --paper: #ffffff;
    --bg: #f6f5f3;
    --ok: #1b6e3a;
    --warn: #8a5300;
    --info: #0b57d0;
    --radius: 14px;
    font-family:
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      sans-serif;
    color: var(--ink);
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 10px;
    border: 1px solid var(--line);
    background: var(--paper);
    color: var(--ink);
    padding: 10px 14px;
    min-height: 44px;
  }
  button.primary {
    background: var(--red);
    border-color: var(--red);
    color: #fff;
    font-weight: 600;
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--info);
    outline-offset: 2px;
  }
  button[disabled] {
    opacity: 0.55;
    cursor: default;
  }
  .card {
    background: var(--paper);
    border-radius: var(--radius);
    border: 1px solid var(--line);
    padding: 16px;
  }
  .muted {
    color: var(--muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/** One colour per alert type, readable with white text (WCAG AA). */
export const TYPE_COLOURS: Record<string, string> = {
  general: '#b3261e',
  medical: '#0b57d0',
  gender_violence: '#5b3f8c',
  bicycle_theft: '#8a4b00',
  fire: '#c2410c',
};
