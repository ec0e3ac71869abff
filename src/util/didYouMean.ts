/**
 * The one wording of a "did you mean": issues (src/schema/issues.ts), the CSV reader and
 * UnknownIdError all end their message with it, so a person sees one sentence everywhere.
 */

/** `; did you mean "a" or "b"?`, or nothing when there is no suggestion. */
export function didYouMean(suggestions: readonly string[] | undefined): string {
  return suggestions?.length
    ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?`
    : '';
}
