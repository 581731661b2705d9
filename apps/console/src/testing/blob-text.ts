/**
 * A Blob's text, whichever Blob it is: on Node 24 a fetch Response gives jsdom's Blob, which has
 * no text(), where Node 20 gave Node's own; jsdom's FileReader reads jsdom's.
 */
export function blobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
