/** Connection URLs and messages with the password taken out, so nothing Sourced logs or shows carries a secret. */

const URL_PASSWORD_RE = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)([^@/\s]*)(@)/gi;
const KEYWORD_PASSWORD_RE = /(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)/gi;

/** A connection URL or keyword string with any password replaced by `***`. */
export function redactUrl(url: string): string {
  return url.replace(URL_PASSWORD_RE, '$1***$3').replace(KEYWORD_PASSWORD_RE, '$1***');
}

/** A message with every occurrence of the given secrets (and any URL password) replaced by `***`. */
export function redactMessage(message: string, secrets: readonly string[] = []): string {
  let out = redactUrl(message);
  for (const s of secrets) if (s.length >= 3) out = out.split(s).join('***');
  return out;
}

/** The password in a connection URL, if any (decoded), so messages can be scrubbed of it too. */
export function urlPassword(url: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:([^@/\s]*)@/i.exec(url);
  if (!m || !m[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}
