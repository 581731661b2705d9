/**
 * Saves a blob the api client fetched (so with the bearer token, which a plain `<a href>` would not
 * send) under the given name, through a short-lived object URL.
 */
export function saveBlob(blob: Blob, filename: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
