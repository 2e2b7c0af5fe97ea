/** Opens the team archive for the language server: the setting's URL, else SOURCED_ARCHIVE_URL; a pg pool behind the reader. */
import type { Logger } from '../domain/logger';
import type { ArchiveConnection } from '../service';
import { ArchiveReader } from '../store/postgres/archive-reader';
import { redactMessage, redactUrl, urlPassword } from '../store/postgres/redact';
import { openPgDatabase } from './pg-database';

/** The archive connection for a URL (setting or environment), or undefined when neither names one. */
export function openPgArchive(
  settingUrl: string | undefined,
  logger: Logger,
  env: NodeJS.ProcessEnv = process.env,
): ArchiveConnection | undefined {
  const url = settingUrl ?? env.SOURCED_ARCHIVE_URL?.trim();
  if (!url) return undefined;
  if (!/^postgres(ql)?:\/\//.test(url)) {
    logger.error(`sourced.archive.url must be a postgresql:// URL (got ${redactUrl(url).slice(0, 40)}…); not reading an archive`);
    return undefined;
  }
  const secrets = [urlPassword(url), env.PGPASSWORD].filter((s): s is string => Boolean(s));
  const label = redactUrl(url);
  const db = openPgDatabase(url, {
    max: 4,
    applicationName: 'sourced language server',
    connectTimeoutMs: 3000,
    onIdleError: (err) => logger.warn(`archive: an idle connection to ${label} failed: ${redactMessage(err.message, secrets)}`),
  });
  return { reader: new ArchiveReader(db), label, secrets, close: () => db.close() };
}
