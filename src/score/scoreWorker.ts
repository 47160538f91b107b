/** Entry file of a scoring worker thread (see parallel.ts): scores the batches the main thread sends. */
import { parentPort, workerData } from 'node:worker_threads';
import { serveScoring, type ScoringJob } from './parallel.js';

if (parentPort === null) throw new Error('scoreWorker.ts is a worker thread entry: start it with scoreInWorkers');
serveScoring(parentPort, workerData as ScoringJob);
