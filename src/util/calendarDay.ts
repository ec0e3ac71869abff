/**
 * Is `text` a day that exists, written YYYY-MM-DD? `2026-02-30` and `2026-13-45` have the shape
 * but name no day (Date.parse quietly rolls the first over into March). One check for the schema,
 * asOf() and the CLI, so they can never disagree about a date.
 */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Date.UTC maps years 0–99 to 1900–1999; setting the year afterwards keeps 0000–0099 as written.
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
