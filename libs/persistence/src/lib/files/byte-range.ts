import type { ByteRange } from './blob-store';
import { RangeNotSatisfiableError } from './file.error';

/** The whole blob when no range is asked; a range that does not lie inside `size` bytes is refused. */
export function rangeWithin(size: number, range: ByteRange | undefined): ByteRange | null {
  if (!range) return size === 0 ? null : { start: 0, end: size - 1 };
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || start > end || end >= size) {
    throw new RangeNotSatisfiableError(size);
  }
  return range;
}
