import { fieldsOfBinaryCopy } from './binary-copy';

const header = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
const int16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const row = (field: Buffer | null) => Buffer.concat([int16(1), int32(field ? field.length : -1), field ?? Buffer.alloc(0)]);
const trailer = int16(-1);

describe('fieldsOfBinaryCopy', () => {
  it('answers the bytes of each row, in order', () => {
    const bytes = Buffer.from([0, 1, 2, 0xff, 0x0a]);
    expect(fieldsOfBinaryCopy(Buffer.concat([header, row(bytes), trailer]))).toEqual([bytes]);
    expect(fieldsOfBinaryCopy(Buffer.concat([header, row(bytes), row(Buffer.from('b')), trailer]))).toEqual([bytes, Buffer.from('b')]);
  });

  it('skips a header extension', () => {
    const extended = Buffer.concat([header.subarray(0, 15), int32(3), Buffer.from('abc')]);
    expect(fieldsOfBinaryCopy(Buffer.concat([extended, row(Buffer.from('x')), trailer]))).toEqual([Buffer.from('x')]);
  });

  it('answers null for a NULL', () => {
    expect(fieldsOfBinaryCopy(Buffer.concat([header, row(Buffer.from('a')), row(null), row(Buffer.from('c')), trailer]))).toEqual([
      Buffer.from('a'),
      null,
      Buffer.from('c'),
    ]);
  });

  it('answers no field for no row', () => {
    expect(fieldsOfBinaryCopy(Buffer.concat([header, trailer]))).toEqual([]);
  });

  it('refuses what is not one row of one column', () => {
    expect(() => fieldsOfBinaryCopy(Buffer.from('not a copy at all, but long enough'))).toThrow('not a binary COPY');
    expect(() => fieldsOfBinaryCopy(Buffer.concat([header, row(Buffer.from('abc')).subarray(0, 7)]))).toThrow('cut short');
    expect(() => fieldsOfBinaryCopy(Buffer.concat([header, row(Buffer.from('abc'))]))).toThrow('cut short');
    const twoColumns = Buffer.concat([header, int16(2), int32(1), Buffer.from('a'), int32(1), Buffer.from('b'), trailer]);
    expect(() => fieldsOfBinaryCopy(twoColumns)).toThrow('2 columns');
  });
});
