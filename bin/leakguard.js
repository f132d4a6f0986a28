#!/usr/bin/env node
'use strict';
// Alive until main settles: a promise awaiting something that does not hold Node's event loop
// (a worker thread no longer referenced: it happened) must never end the process early with
// exit code 0, a pass nobody checked. A hang instead is seen.
const alive = setInterval(() => {}, 60_000);
require('../dist/src/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => { clearInterval(alive); process.exitCode = code; });
