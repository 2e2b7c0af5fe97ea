/**
 * `sourced check <draft.md…> [--corpus <glob>…] [--format text|json]`: the
 * editor's diagnostics for CI. Exit 0 when clean, 1 when a warning or error
 * is found, 2 on bad usage or unreadable input.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { NodeCorpus } from '../node/node-corpus';
import { optionValue, UsageError } from './usage-error';
import { loadWriterBibliographies } from '../node/writer-bibliographies';
import { createService, resolveConfig, type Logger } from '../service';
import { readProjectFile, readWorkspaceSettings } from '../node/workspace-settings';
import { configProblems, mergeSettings, SETTING_CHOICES } from '../domain/config';
import { archiveCommand } from './archive-command';

const USAGE = `Usage: sourced check <draft.md…> [--corpus <glob>…] [--format text|json] [--citation-style footnote|pandoc] [--quiet]

Checks Markdown drafts against the sources selected by --corpus (globs relative
to the current folder; default: corpus.include from .sourced.json or
.vscode/settings.json, else seeds/**/*.txt and seeds/**/*.md) and prints one line per finding:
  path:line:col: severity: message [code]
The team archive: sourced archive <ingest|status|grant> (sourced archive --help).
Exit status: 0 clean, 1 a warning or error was found, 2 bad usage or unreadable input.`;

const SEVERITY_NAME: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

interface Args {
  drafts: string[];
  corpus: string[];
  format: 'text' | 'json';
  style?: string;
  quiet: boolean;
}

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') throw new UsageError('');
  if (command !== 'check') throw new UsageError(command ? `unknown command "${command}"` : 'missing command "check"');
  const args: Args = { drafts: [], corpus: [], format: 'text', quiet: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (): string => optionValue(rest, i++);
    if (a === '--corpus') args.corpus.push(value());
    else if (a === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not "${f}"`);
      args.format = f;
    } else if (a === '--citation-style') {
      const style = value();
      const valid = SETTING_CHOICES['citations.style'] ?? [];
      if (!valid.includes(style)) throw new UsageError(`--citation-style must be one of ${valid.join(', ')}, not "${style}"`);
      args.style = style;
    } else if (a === '--quiet') args.quiet = true;
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else args.drafts.push(a);
  }
  if (args.drafts.length === 0) throw new UsageError('no draft given');
  return args;
}

/** Runs the CLI; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'archive') return archiveCommand(argv.slice(1));
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    const message = (err as Error).message;
    if (message) process.stderr.write(`sourced: ${message}\n\n`);
    process.stderr.write(USAGE + '\n');
    return message ? 2 : 0;
  }
  const cwd = process.cwd();
  // The project file, overridden by .vscode/settings.json (editor settings), overridden by the flags.
  const projectFile = await readProjectFile(cwd);
  if (projectFile?.error) process.stderr.write(`sourced: ${projectFile.path}: ignored, ${projectFile.error}\n`);
  const flags: Record<string, unknown> = {};
  if (args.corpus.length) flags.corpus = { include: args.corpus };
  if (args.style) flags.citations = { style: args.style };
  const settings = mergeSettings(projectFile?.settings, await readWorkspaceSettings(cwd), flags);
  const config = resolveConfig(settings);
  for (const problem of configProblems(settings)) process.stderr.write(`sourced: warning: .vscode/settings.json: ${problem}\n`);
  const logLines: string[] = [];
  const logger: Logger = {
    info: () => {},
    warn: (m) => logLines.push(m),
    error: (m) => logLines.push(m),
  };
  const corpus = new NodeCorpus([{ path: cwd }], config.corpus);
  const service = createService({ corpus, config: settings, logger });
  service.setWriterBibliography(await loadWriterBibliographies([{ path: cwd }], config, logger));
  await service.start();
  for (const line of logLines) if (!args.quiet) process.stderr.write(`sourced: ${line}\n`);
  const status = service.status();
  if (status.sources === 0) process.stderr.write(`sourced: warning: no sources matched ${config.corpus.include.join(', ')}\n`);

  let failed = false;
  let unreadable = false;
  const report: { path: string; diagnostics: Diagnostic[] }[] = [];
  for (const draftPath of args.drafts) {
    let text: string;
    try {
      text = await readFile(draftPath, 'utf8');
    } catch (err) {
      process.stderr.write(`sourced: cannot read ${draftPath}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
      unreadable = true;
      continue;
    }
    const uri = pathToFileURL(path.resolve(draftPath)).href;
    const diagnostics = await service.diagnostics(TextDocument.create(uri, 'markdown', 1, text));
    report.push({ path: draftPath, diagnostics });
    for (const d of diagnostics) {
      if (d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning) failed = true;
    }
  }
  if (args.format === 'json') {
    process.stdout.write(JSON.stringify({ sources: status.sources, files: report }, null, 2) + '\n');
  } else {
    for (const { path: p, diagnostics } of report) {
      for (const d of diagnostics) {
        const sev = SEVERITY_NAME[d.severity ?? DiagnosticSeverity.Warning];
        process.stdout.write(
          `${p}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${sev}: ${typeof d.message === 'string' ? d.message : d.message.value} [${String(d.code)}]\n`,
        );
      }
    }
    const count = report.reduce((n, r) => n + r.diagnostics.length, 0);
    if (!args.quiet)
      process.stderr.write(
        `sourced: ${count} finding${count === 1 ? '' : 's'} in ${report.length} draft${report.length === 1 ? '' : 's'} (${status.sources} sources)\n`,
      );
  }
  service.dispose();
  return unreadable ? 2 : failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`sourced: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(2);
  },
);
