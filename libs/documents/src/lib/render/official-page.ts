/**
 * GB/T 9704-2012 page geometry and type, shared by both renderers so a printed PDF and an edited
 * DOCX put the same text in the same place.
 */
export const A4_MM = { width: 210, height: 297 } as const;

/** 版心 156 × 225 mm: top 37, bottom 35, left 28, right 26 (§5.2.2). */
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/** 字号 in points: 小初 for the issuer's mark, 二号 for the title, 三号 for text, 四号 for page numbers. */
export const SIZE_PT = { issuerHeader: 36, title: 22, body: 16, pageNumber: 14 } as const;

/** 22 lines to the 225 mm 版心 (§5.2.3): one line every 28.95 pt. */
export const LINE_PITCH_PT = 28.95;

/** The 红色 of the issuer's mark and the rule under the number. */
export const OFFICIAL_RED = 'FF0000';

/** Text indents, counted in characters of the body size. */
export const INDENT_CHARS = { paragraph: 2, dateFromRight: 4 } as const;

/** Font names Word and WPS look up on the reader's machine (they substitute what is missing). */
export const DOCX_FONTS = {
  /** 小标宋 for the issuer's mark and the title (Word and WPS show 宋体 where it is not installed). */
  display: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  pageNumber: '宋体',
} as const;

export const MM_TO_PT = 72 / 25.4;
