/** The longest name kept, in characters (code points): what most file systems allow, for when the file is saved. */
export const MAX_FILE_NAME_CHARACTERS = 255;

// C0, DEL and C1 controls, and the bidirectional overrides and isolates that make `evil‮fdp.exe` read as `evil.exe.pdf`.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** Why `name` cannot be kept as a file's name, or null when it can. */
export function fileNameProblem(name: string): string | null {
  if (name.trim() === '') return 'the file name is empty';
  if ([...name].length > MAX_FILE_NAME_CHARACTERS) return `the file name is longer than ${MAX_FILE_NAME_CHARACTERS} characters`;
  if (/[/\\]/.test(name)) return 'the file name contains a path separator (/ or \\)';
  if (CONTROL_CHARACTERS.test(name)) return 'the file name contains control characters';
  if (name === '.' || name === '..') return 'the file name is . or ..';
  return null;
}

/** The lower-cased extension of `name` without its dot, or '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
