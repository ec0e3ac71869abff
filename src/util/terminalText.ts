/**
 * Text made safe to print on a terminal. A dataset is data from strangers: an escape sequence in
 * a title, note, id or error message could clear the screen, set the window title, plant a
 * hidden link (OSC 8) or reorder what is shown (bidi controls). Every such character is shown
 * visibly escaped instead (`\u001b`), in the JSON form, so `--json` output stays valid JSON with
 * the same value. Kept as they are: tab, line feed, CR before LF, and the handful of colour codes
 * the CLI itself writes (src/cli/table.ts: bold, dim, red, green, yellow, cyan and their resets).
 */

const UNSAFE =
  /\u001b\[(?:1|2|22|31|32|33|36|39)m|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escaped = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every control, invisible or reordering character written as `\uXXXX`. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (m) => (m.length > 1 ? m : escaped(m)));
}
