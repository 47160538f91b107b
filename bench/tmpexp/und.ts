import { Pool } from 'undici';
import { startLatencyServer } from '../latencyFixture.js';
import { runReferenceClient } from '../referenceClient.js';
const server = await startLatencyServer(20, 64);
const body = JSON.stringify({ model: 'm', messages: [{ role: 'system', content: 'x'.repeat(300) }, { role: 'user', content: 'y'.repeat(900) }], temperature: 0 });
const url = new URL(server.baseUrl);
const pool = new Pool(url.origin, { connections: 64, pipelining: 1 });
const headers = ['content-type', 'application/json', 'authorization', 'Bearer k', 'x-a', '1', 'x-b', '2', 'x-c', '3', 'x-d', '4', 'x-e', '5', 'x-f', '6', 'x-g', '7', 'user-agent', 'OpenAI/JS 6.49.0'];
async function one() {
  const ac = new AbortController();
  const { statusCode, body: b } = await pool.request({ path: url.pathname + '/chat/completions', method: 'POST', headers, body, signal: ac.signal });
  const text = await b.text();
  if (statusCode !== 200) throw new Error(String(statusCode));
  return JSON.parse(text);
}
async function run(n: number) {
  let next = 0; const cpu = process.cpuUsage(); const t = performance.now();
  await Promise.all(Array.from({ length: 64 }, async () => { while (next++ < n) await one(); }));
  const u = process.cpuUsage(cpu);
  console.log(`undici: ${(n / ((performance.now() - t) / 1000) / 3200 * 100).toFixed(1)}% ceiling, ${((u.user + u.system) / n).toFixed(0)} µs/request`);
}
for (let i = 0; i < 5; i++) await run(5000);
const bodies = Array(5000).fill(body);
for (let i = 0; i < 3; i++) { const r = await runReferenceClient(server.baseUrl, bodies, 64); console.log(`node:http ref: ${(5000 / (r.wallMs / 1000) / 3200 * 100).toFixed(1)}%, ${(r.cpuMs * 1000 / 5000).toFixed(0)} µs/request`); }
server.close(); await pool.close();
