import http from 'node:http';

/**
 * The least a client can do: POST each body to `${baseUrl}/chat/completions` over `sockets` keep-alive
 * connections with as many requests in flight, and JSON.parse each answer. Its throughput is what the
 * fixture and the machine allow any Node client, the reference for the runner's own (bench/runner.ts).
 */
export async function runReferenceClient(
  baseUrl: string,
  bodies: readonly string[],
  sockets: number,
): Promise<{ wallMs: number; cpuMs: number }> {
  const url = new URL(`${baseUrl}/chat/completions`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  let next = 0;
  const sendInTurn = async () => {
    while (next < bodies.length) await post(url, agent, bodies[next++]!);
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: sockets }, sendInTurn));
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  agent.destroy();
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function post(url: URL, agent: http.Agent, body: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', authorization: 'Bearer bench-key', 'content-length': Buffer.byteLength(body) };
    const request = http.request(url, { method: 'POST', agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          if (response.statusCode !== 200) throw new Error(`reference client: HTTP ${response.statusCode}`);
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (err) {
          reject(err);
        }
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}
