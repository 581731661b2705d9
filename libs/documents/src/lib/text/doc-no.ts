/**
 * 发文字号 — 机关代字〔年份〕序号号, e.g. 纪督〔2026〕3号: the year in hexagonal brackets 〔〕, the
 * serial without leading zeros and without 第 (GB/T 9704-2012 §7.2.4).
 */
export function formatDocNo(prefix: string, year: number, serial: number): string {
  if (prefix.trim() === '') throw new RangeError('a document number needs its 机关代字 prefix');
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`not a four-digit year: ${year}`);
  if (!Number.isInteger(serial) || serial < 1) throw new RangeError(`not a serial number: ${serial}`);
  return `${prefix}〔${year}〕${serial}号`;
}
