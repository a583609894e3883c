/**
 * People's names and addresses as typed: shown to operators, on the console's map and in
 * neighbours' pushes, so what is stored must read as what it is. Invisible characters are
 * refused: controls, and format characters such as the bidirectional overrides (U+202E
 * displays "Ana" reversed and hides what follows), zero-width spaces and joiners and the
 * BOM, which make two identical-looking names differ. Whitespace of any kind (tabs, line
 * breaks, no-break spaces) becomes one plain space.
 */

/** Control (Cc), format (Cf), surrogate (Cs), private-use (Co) and unassigned (Cn). */
const INVISIBLE = /\p{C}/u;
const SPACES = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu;

/** NFC, trimmed, each run of whitespace one space. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(SPACES, ' ').trim();
}

/** Whether `text`, once normalised, still holds a character that is not meant to be seen. */
export function hasInvisible(text: string): boolean {
  return INVISIBLE.test(normaliseText(text));
}

/**
 * Free text a person writes in a hurry (an alert's note, a request's description): kept as
 * typed, line breaks included, but without what would make it read as something else on an
 * operator's or an officer's screen: bidirectional controls (U+202E shows what follows
 * reversed, so "llamar al 911" can hide another number) and control characters other than
 * tab and line break. Unlike names it is not refused: an alert is never refused for its note.
 */
const HIDDEN = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

export function withoutHiddenControls(text: string): string {
  return text.replace(HIDDEN, (c) => (c === '\n' || c === '\t' ? c : ''));
}
