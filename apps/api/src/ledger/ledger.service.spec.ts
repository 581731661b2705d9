import { readAhead } from './ledger.service';

describe('readAhead', () => {
  it('hands on every batch in order, having asked for the next before the consumer takes this one', async () => {
    const asked: number[] = [];
    async function* source() {
      for (let i = 1; i <= 3; i++) {
        asked.push(i);
        yield i;
      }
    }
    const seen: Array<[number, number[]]> = [];
    for await (const batch of readAhead(source())) seen.push([batch, [...asked]]);
    expect(seen).toEqual([
      [1, [1, 2]],
      [2, [1, 2, 3]],
      [3, [1, 2, 3]],
    ]);
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        for (let i = 1; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    for await (const batch of readAhead(source())) if (batch === 2) break;
    expect(closed).toBe(true);
  });
});
