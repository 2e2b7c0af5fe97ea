/** Neutralises what a quick pick would interpret (`$(icon)` syntax) in server text, which comes from untrusted sources. */
export function quickPickText(text: string): string {
  return text.replace(/\$\(/g, '$\u200b(').replace(/\s+/g, ' ').trim();
}
