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
