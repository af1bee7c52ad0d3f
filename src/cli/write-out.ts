/**
 * Writes a command's whole output to stdout or stderr with one blocking write(2) per chunk, without
 * creating `process.stdout`/`process.stderr`: Node builds those streams on first use (a net.Socket and
 * the stream machinery for a pipe), about 4 ms of a `capstan template` run. When the descriptor is in
 * non-blocking mode and full (EAGAIN), the rest goes through the stream, and the promise settles once
 * it is flushed.
 */
import { writeSync } from 'node:fs';

export async function writeOut(fd: 1 | 2, text: string): Promise<void> {
  if (text === '') return;
  const data = Buffer.from(text, 'utf8');
  let offset = 0;
  try {
    while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
    return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
  }
  const stream = fd === 1 ? process.stdout : process.stderr;
  await new Promise<void>((res, rej) => {
    stream.write(data.subarray(offset), (e) => (e ? rej(e) : res()));
  });
}
