import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppendLog } from '../../src/run/appendLog.js';
import { scratchDir } from './fixture.js';

describe('AppendLog', () => {
  it('writes a durable append at once and returns where it starts', async () => {
    const path = join(scratchDir('append-durable'), 'log.jsonl');
    const log = new AppendLog(path);
    expect(log.append('{"a":"é"}\n')).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('{"a":"é"}\n'); // on the kernel's side before any await
    expect(log.append('{"b":2}\n')).toBe(11); // bytes, not characters
    await log.close();
    expect(readFileSync(path, 'utf8')).toBe('{"a":"é"}\n{"b":2}\n');
  });

  it('writes the copies of one turn together at its end, and whatever is left on close', async () => {
    const path = join(scratchDir('append-copies'), 'log.jsonl');
    const log = new AppendLog(path, { durable: false });
    expect([log.append('one\n'), log.append('twö\n'), log.append('three\n')]).toEqual([0, 4, 9]);
    expect(readFileSync(path, 'utf8')).toBe('');
    await new Promise((resolve) => setImmediate(resolve));
    expect(readFileSync(path, 'utf8')).toBe('one\ntwö\nthree\n');
    expect(log.append('four\n')).toBe(15);
    await log.close();
    expect(readFileSync(path, 'utf8')).toBe('one\ntwö\nthree\nfour\n');
  });

  it('continues an existing file at its end', async () => {
    const path = join(scratchDir('append-reopen'), 'log.jsonl');
    const first = new AppendLog(path, { durable: false });
    first.append('x\n');
    await first.close();
    const second = new AppendLog(path, { durable: false });
    expect(second.append('y\n')).toBe(2);
    await second.close();
    expect(readFileSync(path, 'utf8')).toBe('x\ny\n');
  });
});
