/** The `pgpass` module (node-postgres' own ~/.pgpass reader) has no bundled types. */
declare module 'pgpass' {
  interface ConnInfo {
    host?: string;
    port?: number | string;
    database?: string;
    user?: string;
  }
  function pgpass(connInfo: ConnInfo, callback: (password: string | undefined) => void): void;
  export = pgpass;
}
