import type { Client } from 'pg';

/** The parts of pg's connection a COPY FROM STDIN drives (what pg-copy-streams uses, without that package). */
interface CopyConnection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  stream: NodeJS.WritableStream & { writableNeedDrain: boolean };
}

/**
 * Runs `COPY ... FROM STDIN` on `client`, sending `chunks` as they come and waiting for the socket
 * to drain, so the baseline is the bare protocol at its own pace.
 */
export function copyIn(client: Client, sql: string, chunks: AsyncIterable<Buffer>): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed: Error | null = null;
    const submittable = {
      submit(connection: { query(text: string): void }) {
        connection.query(sql);
      },
      handleCopyInResponse(connection: CopyConnection) {
        void (async () => {
          for await (const chunk of chunks) {
            connection.sendCopyFromChunk(chunk);
            if (connection.stream.writableNeedDrain) await new Promise((drained) => connection.stream.once('drain', drained));
          }
          connection.endCopyFrom();
        })().catch(reject);
      },
      handleCommandComplete() {
        // The rows are counted by nobody; readyForQuery ends the COPY.
      },
      handleError(error: Error) {
        failed = error;
      },
      handleReadyForQuery() {
        if (failed) reject(failed);
        else resolve();
      },
    };
    (client as unknown as { query(submittable: object): void }).query(submittable);
  });
}

/**
 * Runs `COPY ... TO STDOUT` on `client` and counts the bytes it sends, keeping none: the bare
 * protocol's read speed.
 */
export function copyOut(client: Client, sql: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let failed: Error | null = null;
    let bytes = 0;
    const submittable = {
      submit(connection: { query(text: string): void }) {
        connection.query(sql);
      },
      handleCopyData(message: { chunk: Buffer }) {
        bytes += message.chunk.length;
      },
      handleCommandComplete() {
        // counted as the data came
      },
      handleError(error: Error) {
        failed = error;
      },
      handleReadyForQuery() {
        if (failed) reject(failed);
        else resolve(bytes);
      },
    };
    (client as unknown as { query(submittable: object): void }).query(submittable);
  });
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
