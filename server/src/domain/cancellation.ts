/** The part of LSP's CancellationToken the service needs; LSP tokens satisfy it. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** A token that is never cancelled. */
export const NEVER_CANCELLED: Cancellation = { isCancellationRequested: false };

/** Lets other requests and file events run during long loops. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
