#!/usr/bin/env node
// The compiled CLI (`npm run build`, run by `npm ci` and `npm pack` through `prepare`).
await import('../dist/bundle/main.js');
