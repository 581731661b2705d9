import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Stack, type StackOptions } from './stack';

const ROOT = join(__dirname, '../..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// No network here but the package registries: keep Chromium from trying to reach anything else.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The browser's own widgets (date pickers) in Chinese, as a county office's browsers show them.
  '--lang=zh-CN',
];
export const STEP_MS = 20_000;

/** One person at the console: their own browser context (own session storage), signed in through the UI. */
export interface Desk {
  name: string;
  page: Page;
  problems: string[];
}

export interface DeskOptions {
  /** The browser's own zone; the console shows TZ_BUSINESS whatever it is. */
  timezoneId?: string;
  locale?: string;
}

/** A started stack with the console and Chromium beside it; screenshots go to test-artifacts/console/<prefix>-NN-<what>.png. */
export class ConsoleBrowser {
  private shot = 0;

  private constructor(
    readonly stack: Stack,
    private readonly browser: Browser,
    private readonly prefix: string,
  ) {}

  static async start(prefix: string, options: StackOptions): Promise<ConsoleBrowser> {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM}. npm test's set-up installs Debian's package when it runs as root with apt-get ` +
          '(apt-get update && apt-get install -y chromium fonts-wqy-microhei); install it by hand, or set CHROMIUM_PATH.',
      );
    }
    if (!existsSync(join(ROOT, 'dist/apps/console/index.html'))) {
      throw new Error('the console is not built: run "NX_DAEMON=false npx nx run-many -t build bundle -p api worker workflows console"');
    }
    mkdirSync(SHOTS, { recursive: true });
    const stack = await Stack.start(options);
    try {
      return new ConsoleBrowser(stack, await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }), prefix);
    } catch (error) {
      await stack.stop();
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await this.stack.stop();
  }

  /** A fresh browser context at the sign-in page, not yet signed in. */
  async open(name: string, options: DeskOptions = {}): Promise<Desk> {
    const context = await this.browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: options.locale ?? 'zh-CN',
      timezoneId: options.timezoneId ?? 'Asia/Shanghai',
    });
    context.setDefaultTimeout(STEP_MS);
    const page = await context.newPage();
    const desk: Desk = { name, page, problems: [] };
    page.on('pageerror', (error) => desk.problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // A 4xx the test provokes is logged by Chromium too; it is shown to the user in words.
      if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) {
        desk.problems.push(`console error: ${message.text()}`);
      }
    });
    await page.goto(this.stack.url('/'));
    return desk;
  }

  /** Signs in through the demo sign-in buttons. */
  async signIn(name: string, options: DeskOptions = {}): Promise<Desk> {
    const desk = await this.open(name, options);
    await desk.page.getByRole('button', { name: `以“${name}”身份登录` }).click();
    await desk.page.getByTestId('who').filter({ hasText: name }).waitFor();
    return desk;
  }

  async screenshot(desk: Desk, what: string): Promise<string> {
    this.shot += 1;
    const path = join(SHOTS, `${this.prefix}-${String(this.shot).padStart(2, '0')}-${what}.png`);
    await desk.page.screenshot({ path, fullPage: true });
    return path;
  }
}

export const SHOTS = join(ROOT, 'test-artifacts/console');

/** Clicks the page's refresh button until `done` holds: what a user sees without reloading the page. */
export async function refreshUntil(desk: Desk, done: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${desk.name}: the page did not show the expected state in ${timeoutMs} ms`);
    await desk.page.getByRole('button', { name: '刷新' }).first().click();
    await desk.page.waitForTimeout(500);
  }
}
