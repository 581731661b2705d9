import type { DocumentLayout } from '@reform/documents';
import { join } from 'node:path';
import { ThreadedDocumentRenderer } from './document-renderer';

const FAKE_THREAD = join(__dirname, 'fake-render-thread.fixture.cjs');
const REFUSING_THREAD = join(__dirname, 'refusing-render-thread.fixture.cjs');
const layout = (title: string) => ({ title }) as DocumentLayout;
const said: string[] = [];
const log = { warn: (message: string) => said.push(message), error: (message: string) => said.push(message) };

describe('ThreadedDocumentRenderer', () => {
  let renderer: ThreadedDocumentRenderer | undefined;
  afterEach(async () => {
    await renderer?.close();
    renderer = undefined;
  });

  it('answers each layout with its own renderings, more layouts than threads waiting their turn', async () => {
    const started = (renderer = await ThreadedDocumentRenderer.start(FAKE_THREAD, 2, log));
    const titles = ['甲', '乙', '丙', '丁', '戊'];
    const renderings = await Promise.all(titles.map((title) => started.render(layout(title))));
    expect(renderings.map(({ pdf }) => pdf.toString())).toEqual(titles);
    expect(new Set(renderings.map(({ docx }) => docx[0])).size).toBe(titles.length);
  });

  it('fails a layout the thread cannot render and goes on with the next', async () => {
    renderer = await ThreadedDocumentRenderer.start(FAKE_THREAD, 1, log);
    await expect(renderer.render(layout('fail'))).rejects.toThrow('rendering failed: bad layout');
    expect((await renderer.render(layout('next'))).pdf.toString()).toBe('next');
  });

  it('fails the layout of a thread that dies, starts another and renders the rest', async () => {
    renderer = await ThreadedDocumentRenderer.start(FAKE_THREAD, 1, log);
    const dying = renderer.render(layout('exit'));
    const after = renderer.render(layout('after'));
    await expect(dying).rejects.toThrow('exited with code 3 while rendering');
    expect((await after).pdf.toString()).toBe('after');
    expect(said).toContain('a render thread exited with code 3; starting another');
  });

  it('does not start when a thread cannot, and says why', async () => {
    await expect(ThreadedDocumentRenderer.start(REFUSING_THREAD, 1, log)).rejects.toThrow('no font here');
  });

  it('refuses layouts once closed', async () => {
    const closed = await ThreadedDocumentRenderer.start(FAKE_THREAD, 1, log);
    await closed.close();
    await expect(closed.render(layout('late'))).rejects.toThrow('shut down');
  });
});
