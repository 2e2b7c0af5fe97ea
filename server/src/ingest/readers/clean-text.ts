/**
 * Normalises text taken out of markup so that quotations match what a writer types: soft hyphens and
 * zero-width characters go, non-breaking and other special spaces become spaces, runs of whitespace
 * (line breaks inside markup included) become one space.
 */

// Soft hyphen, zero-width space/joiners, word joiner, BOM.
const INVISIBLE_RE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// NBSP, narrow NBSP, figure space, the en/em/thin spaces, ideographic space, and every whitespace run.
const SPACE_RE = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

/** One line of clean text: invisible characters removed, whitespace collapsed, trimmed. */
export function cleanInline(text: string): string {
  return text.replace(INVISIBLE_RE, '').replace(SPACE_RE, ' ').trim();
}

/** ISO date (YYYY-MM-DD) of a date string in a common machine form (ISO 8601, RFC 2822, PDF `D:`), or null. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(v);
  if (pdf) return `${pdf[1]}-${pdf[2] ?? '01'}-${pdf[3] ?? '01'}`;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const ms = Date.parse(v);
  if (!Number.isFinite(ms)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}
