/**
 * Which characters text and ids may hold. Text may not carry control characters (other than
 * tab and line breaks), lone surrogates (no UTF-8 file, URL or XML can hold them) or bidi
 * embeddings and overrides (they reorder what a reader sees: "Trojan Source"). Ids are
 * stricter: no invisible format characters at all (zero-width joiners, bidi marks, soft
 * hyphens) and no mixing of the look-alike scripts Latin, Cyrillic and Greek, so two ids that
 * look the same are the same id (Unicode TR #39, "single script" restriction).
 */

/** C0 controls but tab, LF and CR; DEL and C1; the bidi embeddings and overrides U+202A–U+202E; lone surrogates; U+FFFE and U+FFFF. */
/** With the `u` flag a well-formed surrogate pair is one code point, so `[\ud800-\udfff]` matches lone halves only. */
const BAD_TEXT =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\ud800-\udfff\ufffe\uffff]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Any control or invisible format character (zero-width space/joiners, bidi marks and isolates, BOM, soft hyphen). */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
const NON_ASCII = /[^\u0000-\u007f]/;
const CONFUSABLE_SCRIPTS: readonly [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
];

/** `U+202E` for a code unit or point: how a problem character is named in a message. */
export function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What is wrong with a piece of text, or undefined when nothing is. */
export function textProblem(text: string): string | undefined {
  const m = BAD_TEXT.exec(text);
  if (!m) return undefined;
  const ch = m[0];
  if (LONE_SURROGATE.test(ch))
    return `contains a lone surrogate (${codePointName(ch)}), which no UTF-8 file can hold`;
  if (ch === '\ufffe' || ch === '\uffff')
    return `contains a noncharacter (${codePointName(ch)}), which XML cannot hold`;
  if (ch >= '\u202a' && ch <= '\u202e')
    return `contains a bidi override (${codePointName(ch)}), which reorders what a reader sees`;
  return `contains a control character (${codePointName(ch)})`;
}

/** What is wrong with an id beyond its shape (length, whitespace: the schema's job), or undefined. */
export function idProblem(id: string): string | undefined {
  if (!NON_ASCII.test(id) && !INVISIBLE.test(id)) return undefined;
  const text = textProblem(id);
  if (text) return text;
  const invisible = INVISIBLE.exec(id);
  if (invisible)
    return `contains an invisible character (${codePointName(invisible[0])}); an id must look like what it is`;
  const scripts = CONFUSABLE_SCRIPTS.filter(([, re]) => re.test(id)).map(([name]) => name);
  if (scripts.length > 1)
    return `mixes ${scripts.join(' and ')} letters, which look alike; write an id in one script`;
  return undefined;
}

/** May a link be followed by a reader's browser? Only http and https: never javascript:, data:, vbscript:, file:. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
