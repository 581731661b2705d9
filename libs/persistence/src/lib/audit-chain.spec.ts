import { canonicalJson, ChainWalk, entryHash, GENESIS_HASH, type ChainedEntry, type StoredEntry } from './audit-chain';

const ENTITY = '6f1c9a52-3d1e-4c55-9a43-0c2b1f3e8d11';
const OTHER = '7a2d0b63-4e2f-4d66-8b54-1d3c2a4f9e22';

function entry(chainIndex: number, overrides: Partial<ChainedEntry> = {}): ChainedEntry {
  return {
    entityId: ENTITY,
    entityType: 'finding',
    caseId: OTHER,
    seq: chainIndex,
    chainIndex,
    type: 'ASSIGNED',
    at: '2026-03-01T08:00:00.000Z',
    actor: 'officer-1',
    data: { level: 1, note: '督办' },
    ...overrides,
  };
}

/** A well-formed chain of `length` entries for one entity. */
function chain(length: number, entityId = ENTITY): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let index = 1; index <= length; index++) {
    const content = entry(index, { entityId });
    const hash = entryHash(prevHash, content);
    entries.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

const walkAll = (entries: StoredEntry[]) => {
  const walk = new ChainWalk();
  return entries.map((e) => walk.next(e));
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined, so key order never changes a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ b: 2, a: 1 })).toBe(canonicalJson({ a: 1, b: 2 }));
    expect(canonicalJson('引号"')).toBe('"引号\\""');
    expect(canonicalJson(null)).toBe('null');
  });
});

describe('entryHash', () => {
  it('is a SHA-256 hex digest that depends on every field and on the previous hash', () => {
    const base = entryHash(GENESIS_HASH, entry(1));
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash(GENESIS_HASH, entry(1))).toBe(base);
    const changes: Array<Partial<ChainedEntry>> = [
      { entityId: OTHER },
      { entityType: 'case' },
      { caseId: ENTITY },
      { seq: 9 },
      { chainIndex: 2 },
      { type: 'CLOSED' },
      { at: '2026-03-01T08:00:00.001Z' },
      { actor: 'officer-2' },
      { data: { level: 2, note: '督办' } },
      { data: {} },
    ];
    for (const change of changes) expect(entryHash(GENESIS_HASH, entry(1, change))).not.toBe(base);
    expect(entryHash('f'.repeat(64), entry(1))).not.toBe(base);
  });

  it('ignores the key order of data', () => {
    expect(entryHash(GENESIS_HASH, entry(1, { data: { a: 1, b: 2 } }))).toBe(entryHash(GENESIS_HASH, entry(1, { data: { b: 2, a: 1 } })));
  });
});

describe('ChainWalk', () => {
  it('accepts intact chains of several entities', () => {
    expect(walkAll([...chain(3), ...chain(2, OTHER)])).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('finds edited content', () => {
    const entries = chain(3);
    entries[1] = { ...entries[1], actor: 'someone-else' };
    expect(walkAll(entries)).toEqual([undefined, 'content', undefined]);
  });

  it('finds an edit whose hash was recomputed, at the next entry', () => {
    const entries = chain(3);
    const edited = { ...entries[1], data: { level: 3 } };
    entries[1] = { ...edited, hash: entryHash(edited.prevHash, edited) };
    expect(walkAll(entries)).toEqual([undefined, undefined, 'link']);
  });

  it('finds a removed entry and a removed first entry', () => {
    const entries = chain(4);
    expect(walkAll([entries[0], entries[2], entries[3]])).toEqual([undefined, 'index', undefined]);
    expect(walkAll(entries.slice(1))).toEqual(['index', undefined, undefined]);
  });

  it('finds swapped entries', () => {
    const [first, second, third] = chain(3);
    expect(walkAll([first, { ...third, chainIndex: 2 }, { ...second, chainIndex: 3 }])).toEqual([undefined, 'link', undefined]);
  });

  it('reports one break per entity and starts afresh for the next', () => {
    const broken = chain(3).map((e) => ({ ...e, hash: GENESIS_HASH }));
    expect(walkAll([...broken, ...chain(1, OTHER)])).toEqual(['content', undefined, undefined, undefined]);
  });
});
