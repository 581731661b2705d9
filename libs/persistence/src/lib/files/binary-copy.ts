/** COPY's binary format: this signature, a 32-bit flags field and a 32-bit header extension length. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * The fields of a binary COPY of one column, row by row, as views of `copy` (null for a NULL). Throws on
 * anything else: a COPY of another shape is a programming error.
 */
export function fieldsOfBinaryCopy(copy: Buffer): Array<Buffer | null> {
  if (copy.length < SIGNATURE.length + 10 || !copy.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw new Error('not a binary COPY');
  }
  const fields: Array<Buffer | null> = [];
  let at = SIGNATURE.length + 8 + copy.readInt32BE(SIGNATURE.length + 4);
  for (;;) {
    if (at + 2 > copy.length) throw new Error('a binary COPY cut short');
    const columns = copy.readInt16BE(at);
    if (columns === -1) return fields;
    if (columns !== 1) throw new Error(`a binary COPY of ${columns} columns, where one was expected`);
    if (at + 6 > copy.length) throw new Error('a binary COPY cut short');
    const length = copy.readInt32BE(at + 2);
    if (length === -1) {
      fields.push(null);
      at += 6;
      continue;
    }
    const end = at + 6 + length;
    if (end > copy.length) throw new Error('a binary COPY cut short');
    fields.push(copy.subarray(at + 6, end));
    at = end;
  }
}
