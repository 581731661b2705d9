import { extensionOf, fileNameProblem } from './file-name';

describe('fileNameProblem', () => {
  it.each(['整改报告.pdf', 'scan 2026-03-01.JPG', '.hidden.txt', 'a'.repeat(255), '报'.repeat(255), 'no-extension'])('keeps %j', (name) => {
    expect(fileNameProblem(name)).toBeNull();
  });

  it.each([
    ['', 'the file name is empty'],
    ['   ', 'the file name is empty'],
    ['a'.repeat(256), 'the file name is longer than 255 characters'],
    ['../secret.pdf', 'the file name contains a path separator (/ or \\)'],
    ['C:\\Windows\\report.pdf', 'the file name contains a path separator (/ or \\)'],
    ['report\u0000.pdf', 'the file name contains control characters'],
    ['report\n.pdf', 'the file name contains control characters'],
    ['report\u007f.pdf', 'the file name contains control characters'],
    ['invoice\u202efdp.exe', 'the file name contains control characters'],
    ['.', 'the file name is . or ..'],
    ['..', 'the file name is . or ..'],
  ])('refuses %j', (name, problem) => {
    expect(fileNameProblem(name)).toBe(problem);
  });
});

describe('extensionOf', () => {
  it.each([
    ['report.DOC', 'doc'],
    ['archive.tar.gz', 'gz'],
    ['.profile', ''],
    ['README', ''],
  ])('%j → %j', (name, extension) => {
    expect(extensionOf(name)).toBe(extension);
  });
});
