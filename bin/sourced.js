#!/usr/bin/env node
// The `sourced` command: runs the bundled CLI (build it with `npm run build`).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('sourced: dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
require(cli);
