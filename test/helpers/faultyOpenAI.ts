import { completion, listenLocal, readBody, sendJson, type LocalServer } from './httpServer.js';

/** What the server does with one attempt. */
export type Fault =
  | { kind: 'answer' }
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  /** Sends nothing until the client gives up (or the server closes). */
  | { kind: 'hang' }
  /** 200 with a body cut off in the middle of the JSON. */
  | { kind: 'truncated' }
  | { kind: 'empty-choices' }
  | { kind: 'no-content' };

export interface Attempt {
  /** The last message's content: which request this is. */
  prompt: string;
  authorization: string | undefined;
  fault: Fault['kind'];
  /** The test's clock when the attempt arrived. */
  at: number;
}

export interface FaultyServer extends LocalServer {
  attempts: Attempt[];
}

/**
 * An OpenAI-compatible chat endpoint whose every attempt does what `script(prompt, attemptNumber)` says
 * (attempts counted per prompt from 1), answering with `answer(prompt)` when it answers. Records every
 * attempt with the time of `clock`.
 */
export async function startFaultyOpenAI(
  script: (prompt: string, attempt: number) => Fault,
  answer: (prompt: string) => string,
  clock: () => number = Date.now,
): Promise<FaultyServer> {
  const attempts: Attempt[] = [];
  const counts = new Map<string, number>();
  const server = await listenLocal(async (req, res) => {
    const body = JSON.parse((await readBody(req)).toString()) as { model: string; messages: { content: string }[] };
    const prompt = body.messages.at(-1)!.content;
    const n = (counts.get(prompt) ?? 0) + 1;
    counts.set(prompt, n);
    const fault = script(prompt, n);
    attempts.push({ prompt, authorization: req.headers.authorization, fault: fault.kind, at: clock() });
    switch (fault.kind) {
      case 'answer':
        return sendJson(res, 200, completion(body.model, answer(prompt), attempts.length));
      case 'status':
        return sendJson(res, fault.status, { error: { message: `simulated ${fault.status}`, type: 'server_error' } }, fault.headers);
      case 'hang':
        return; // closeAllConnections() ends it
      case 'truncated': {
        const text = JSON.stringify(completion(body.model, answer(prompt), attempts.length));
        const cut = text.slice(0, Math.floor(text.length / 2));
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(cut)) }).end(cut);
        return;
      }
      case 'empty-choices':
        return sendJson(res, 200, { ...completion(body.model, null, attempts.length), choices: [] });
      case 'no-content':
        return sendJson(res, 200, completion(body.model, null, attempts.length));
    }
  });
  return { ...server, attempts };
}
