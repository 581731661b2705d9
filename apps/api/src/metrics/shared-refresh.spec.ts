import { SharedRefresh } from './shared-refresh';

describe('SharedRefresh', () => {
  let now = 0;
  let reads = 0;
  let fail = false;
  const refresh = new SharedRefresh(
    async () => {
      reads += 1;
      await new Promise((resolve) => setImmediate(resolve));
      if (fail) throw new Error('database away');
      return reads;
    },
    5000,
    () => now,
  );

  it('shares one read among concurrent callers and within the window', async () => {
    expect(await Promise.all([refresh.get(), refresh.get(), refresh.get()])).toEqual([1, 1, 1]);
    now = 4999;
    expect(await refresh.get()).toBe(1);
    now = 5000;
    expect(await refresh.get()).toBe(2);
  });

  it('keeps no failure: the next caller reads again', async () => {
    now = 20_000;
    fail = true;
    await expect(refresh.get()).rejects.toThrow('database away');
    fail = false;
    expect(await refresh.get()).toBe(reads);
  });
});
