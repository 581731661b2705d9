import type { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Runs `COPY ... FROM STDIN` on `client`, sending `chunks` at the socket's pace: the bare protocol's write speed. */
export async function copyIn(client: Client, sql: string, chunks: AsyncIterable<Buffer>): Promise<void> {
  await pipeline(Readable.from(chunks, { objectMode: false }), client.query(copyFrom(sql)));
}

/** Runs `COPY ... TO STDOUT` on `client` and counts the bytes it sends, keeping none: the bare protocol's read speed. */
export async function copyOut(client: Client, sql: string): Promise<number> {
  let bytes = 0;
  for await (const chunk of client.query(copyTo(sql))) bytes += (chunk as Buffer).length;
  return bytes;
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** COPY's binary format for one bytea column: a header, a tuple per chunk, the trailer. */
export async function* binaryCopyRows(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield Buffer.concat([SIGNATURE, Buffer.alloc(8)]);
  for await (const chunk of chunks) {
    const header = Buffer.alloc(6);
    header.writeInt16BE(1, 0);
    header.writeInt32BE(chunk.length, 2);
    yield header;
    yield chunk;
  }
  const trailer = Buffer.alloc(2);
  trailer.writeInt16BE(-1, 0);
  yield trailer;
}
