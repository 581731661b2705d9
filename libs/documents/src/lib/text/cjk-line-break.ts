/** 避头: marks that may not begin a line (they hang on the one before). */
const NO_LINE_START = new Set([...'，。、；：？！）》」』”’〕】…—·%,.;:?!)]']);
/** 避尾: marks that may not end a line (they go down with what they open). */
const NO_LINE_END = new Set([...'（《「『“‘〔【([']);

/** A Latin word, a number or a code like ZG-2026-0007 stays whole; any other character may break. */
const UNIT = /[A-Za-z0-9][A-Za-z0-9\-./_:]*|./gsu;

export interface BrokenLine {
  text: string;
  /** Its natural width, as `measure` says. */
  width: number;
  /** The paragraph's last line, which is not stretched. */
  last: boolean;
}

/**
 * Chinese text broken into lines of at most `width` (the first `firstIndent` narrower), between
 * any two characters but never before a closing mark or after an opening one. Text without spaces
 * gives a word-based breaker nothing to stretch, so the renderer spreads each full line itself.
 */
export function breakCjkLines(text: string, width: number, firstIndent: number, measure: (text: string) => number): BrokenLine[] {
  const atoms: string[] = [];
  for (const unit of text.match(UNIT) ?? []) {
    const previous = atoms[atoms.length - 1];
    const glued = previous !== undefined && (NO_LINE_START.has(unit) || NO_LINE_END.has([...previous].pop() as string));
    if (glued) atoms[atoms.length - 1] = previous + unit;
    else atoms.push(unit);
  }
  const lines: BrokenLine[] = [];
  let current = '';
  let currentWidth = 0;
  for (const atom of atoms) {
    const atomWidth = measure(atom);
    const room = width - (lines.length === 0 ? firstIndent : 0);
    if (current !== '' && currentWidth + atomWidth > room) {
      lines.push({ text: current, width: currentWidth, last: false });
      current = '';
      currentWidth = 0;
    }
    current += atom;
    currentWidth += atomWidth;
  }
  if (current !== '' || lines.length === 0) lines.push({ text: current, width: currentWidth, last: true });
  return lines;
}
