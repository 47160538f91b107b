import http from 'node:http';
import https from 'node:https';

/** A finished HTTP exchange: status, headers and the whole body as text. */
export interface HttpReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** The target of every request to one endpoint, prepared once: where, and with which headers. */
export interface HttpTarget {
  url: URL;
  /** Name, value, name, value... with Host: Node then writes them as they are, without a map per request. */
  headerList: readonly string[];
}

export function httpTarget(url: URL, headers: Readonly<Record<string, string>>): HttpTarget {
  return { url, headerList: ['host', url.host, ...Object.entries(headers).flat()] };
}

/** Largest answer body read by default: a chat completion of thousands of tokens is tens of kilobytes. */
export const DEFAULT_MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** The endpoint sent more than the answer size cap; the exchange was cut off, nothing of it kept. */
export class AnswerTooLarge extends Error {
  constructor(maxBytes: number) {
    super(
      `the endpoint's answer exceeded ${maxBytes} bytes and was cut off (max_answer_bytes; a chat answer is normally tens of kilobytes)`,
    );
    this.name = 'AnswerTooLarge';
  }
}

export type HttpPost = (target: HttpTarget, body: string, signal?: AbortSignal) => Promise<HttpReply>;

/**
 * POSTs a string body over keep-alive connections (at most `maxSockets` to the endpoint) and reads the
 * whole answer, counting its bytes as they arrive: past `maxBodyBytes` the exchange is cut off and the promise
 * rejects with AnswerTooLarge, so a hostile or broken endpoint cannot fill memory. Rejects with the socket's error when the connection fails or closes before the answer is
 * complete, and with an AbortError when `signal` aborts. Nothing is parsed here: what a status or body
 * means is the caller's business.
 *
 * Why not `fetch`: measured through the runner at 64 requests in flight (bench/runner.ts), Node 20's
 * fetch (undici behind WHATWG streams and Headers) cost about 0.66 ms of CPU per chat completion; the
 * whole runner's budget is 0.2 ms.
 */
export function createHttpPost(maxSockets: number, maxBodyBytes = DEFAULT_MAX_ANSWER_BYTES): HttpPost {
  const agents = { http: new http.Agent({ keepAlive: true, maxSockets }), https: new https.Agent({ keepAlive: true, maxSockets }) };
  return ({ url, headerList }, body, signal) =>
    new Promise<HttpReply>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const secure = url.protocol === 'https:';
      const options = {
        method: 'POST',
        headers: [...headerList, 'content-length', String(Buffer.byteLength(body))],
        agent: secure ? agents.https : agents.http,
      };
      const request = (secure ? https : http).request(url, options, (response) => {
        const chunks: Buffer[] = [];
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received <= maxBodyBytes) return void chunks.push(chunk);
          chunks.length = 0;
          fail(new AnswerTooLarge(maxBodyBytes));
          request.destroy();
        });
        response.on('end', () => {
          stopListening();
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') });
        });
        response.on('close', () => {
          if (!response.complete) fail(new Error('the connection closed before the answer was complete'));
        });
      });
      const fail = (err: Error) => {
        stopListening();
        reject(err);
      };
      const onAbort = () => request.destroy(abortError());
      const stopListening = () => signal?.removeEventListener('abort', onAbort);
      signal?.addEventListener('abort', onAbort, { once: true });
      request.on('error', fail);
      request.end(body);
    });
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

function abortError(): Error {
  return new DOMException('This operation was aborted', 'AbortError');
}
