import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { SourcedConfig, Severity } from '../domain/config';
import type { DraftDocument } from './drafts/draft-document';
import type { Finding } from '../domain/findings';
import { plainText, shorten } from '../text/escape-markdown';
import { rangeAt } from '../text/line-index';

export const DIAGNOSTIC_SOURCE = 'sourced';

const SEVERITY: Record<Exclude<Severity, 'ignore'>, DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  information: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

function severityOf(finding: Finding, config: SourcedConfig): Severity {
  switch (finding.code) {
    case 'unsourced-claim':
      return config.claims.severity;
    case 'misquote':
      return config.quotes.misquoteSeverity;
    case 'number-mismatch':
      return config.claims.severity === 'ignore' ? 'ignore' : 'warning';
    case 'unknown-citation':
      return 'warning';
  }
}

/** Corpus text as a quotation: plain and short, in “…” unless it opens with a quote mark of its own. */
function quoted(text: string, max: number): string {
  const plain = shorten(plainText(text), max);
  return /^["\u201c\u2018']/.test(plain) ? plain : `\u201c${plain}\u201d`;
}

/** The message a finding shows; corpus text in it is made plain and short. */
export function messageOf(finding: Finding): string {
  switch (finding.code) {
    case 'unsourced-claim': {
      const best = finding.candidates[0];
      return best
        ? `Unsourced claim \u2014 ${best.key} says: ${quoted(best.passage, 160)}`
        : 'Unsourced claim \u2014 no source in the corpus supports it';
    }
    case 'misquote':
      return `Misquote \u2014 ${finding.speaker ? plainText(finding.speaker) : 'the source'} said: ${quoted(finding.sourceText, 300)} (${finding.key})`;
    case 'number-mismatch':
      return `Figure differs from ${finding.key}: the source says ${plainText(finding.expected)}, the draft says ${plainText(finding.found)}`;
    case 'unknown-citation':
      return finding.style === 'footnote'
        ? `Unknown citation [^${finding.key}]: no footnote definition and no source with this key`
        : `Unknown citation @${finding.key}: no source with this key`;
  }
}

/** Turns findings into LSP diagnostics (dropping those whose severity is `ignore`), with the finding in `data`. */
export function toDiagnostics(findings: readonly Finding[], draft: DraftDocument, config: SourcedConfig): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const finding of findings) {
    const severity = severityOf(finding, config);
    if (severity === 'ignore') continue;
    out.push({
      range: rangeAt(draft, finding.start, finding.end),
      severity: SEVERITY[severity],
      source: DIAGNOSTIC_SOURCE,
      code: finding.code,
      message: messageOf(finding),
      data: { finding, version: draft.version },
    });
  }
  return out;
}

/** The finding a diagnostic came from, if it is one of ours. */
export function findingOf(diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const data = diagnostic.data as { finding?: Finding } | undefined;
  return data?.finding && typeof data.finding.code === 'string' ? data.finding : undefined;
}
