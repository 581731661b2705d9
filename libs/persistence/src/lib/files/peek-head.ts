import { Readable } from 'node:stream';

export interface PeekedStream {
  /** At least `bytes` leading bytes, or all of them when the stream is shorter. */
  head: Buffer;
  /** True when `head` is the whole stream. */
  complete: boolean;
  /** The whole stream again, head included, still read on demand. */
  whole: Readable;
}

/** Reads the first `bytes` of `source` without losing them, so the type can be told before anything is stored. */
export async function peekHead(source: Readable, bytes: number): Promise<PeekedStream> {
  const iterator: AsyncIterator<Buffer> = source[Symbol.asyncIterator]();
  const pieces: Buffer[] = [];
  let size = 0;
  let complete = false;
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) {
      complete = true;
      break;
    }
    pieces.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(pieces, size);
  async function* headThenRest(): AsyncGenerator<Buffer> {
    yield head;
    if (complete) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, complete, whole: Readable.from(headThenRest(), { objectMode: false }) };
}
