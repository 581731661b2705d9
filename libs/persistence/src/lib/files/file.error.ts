/** Upload refusals carry the reason the API answers with; the API maps each class to its status. */

/** 413: the upload went past the limit; nothing of it was kept. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file is larger than the limit of ${maxBytes} bytes`);
  }
}

/** 400: an upload of zero bytes. */
export class EmptyFileError extends Error {
  constructor() {
    super('the file is empty');
  }
}

/** 400 naming field `file`: the file name cannot be kept as given. */
export class FileNameError extends Error {
  constructor(readonly problem: string) {
    super(problem);
  }
}

/** 415: the content is none of the accepted types, whatever the name says. */
export class UnsupportedFileTypeError extends Error {
  constructor(readonly fileName: string) {
    super('the content is not one of the accepted file types (pdf, ofd, jpg, png, docx, xlsx, doc, xls, zip, txt)');
  }
}

/** 404 for a file row whose bytes are missing: the store holds nothing under this SHA-256. */
export class BlobNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`no blob ${sha256}`);
  }
}

/** 416: a range outside the blob's bytes. */
export class RangeNotSatisfiableError extends Error {
  constructor(readonly size: number) {
    super(`the range lies outside the ${size} bytes of the blob`);
  }
}
