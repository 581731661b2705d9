const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Each digit on its own, as years are written: 2026 → 二〇二六. */
export function chineseDigits(value: number): string {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`not a whole number: ${value}`);
  return [...String(value)].map((digit) => DIGITS[Number(digit)]).join('');
}

/** A count as it is read, 1–99: 3 → 三, 10 → 十, 12 → 十二, 20 → 二十, 31 → 三十一. */
export function chineseNumber(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) throw new RangeError(`outside 1–99: ${value}`);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return `${tensPart}${ones === 0 ? '' : DIGITS[ones]}`;
}
