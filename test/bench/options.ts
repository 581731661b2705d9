/** How big each part of the benchmark is; `--quick` fits in ~8 minutes on 2 cores, `--tiny` in a test. */
export interface BenchSizes {
  mode: 'full' | 'quick' | 'tiny';
  /** How long each concurrency step of the intake runs. */
  intakeStepMs: number;
  intakeConcurrency: number[];
  findingsPerIntakeCase: number;
  /** A large case opened under the intake's load, this many times in turn (intake.caseOpen*). */
  caseOpenFindings: number;
  caseOpenSamples: number;
  precisionFindings: number;
  precisionSpreadMs: number;
  stormFindings: number;
  stormCaseSize: number;
  /** Findings in the ledger the reads run over (seeded in SQL). */
  rows: number;
  readSamples: number;
  /** Findings in the ledger the XLSX export writes (seeded up to this before the reads seed the rest). */
  exportRows: number;
  /** The size of the file uploaded and downloaded through the API, and how many times. */
  fileMiB: number;
  fileRuns: number;
  /** How many documents are rendered for the rendering time. */
  renderings: number;
}

/** The parts of the benchmark, in the order they run; `--only` picks some. */
export const PHASES = ['files', 'documents', 'intake', 'timers', 'export', 'reads'] as const;
export type Phase = (typeof PHASES)[number];

export interface BenchOptions extends BenchSizes {
  /** The parts to run (all unless `--only`); `timers` holds the storm and the worker's figures. */
  phases: ReadonlySet<Phase>;
  /** Keep the temporary DATA_DIR (logs, databases) after the run. */
  keep: boolean;
  /** Write V8 CPU profiles of the API and the worker here (`node --cpu-prof`). */
  profileDir?: string;
  /** `history.timerProcessorMaxTimeShift` of the dev server the benchmark starts. */
  timerShift?: string;
  /** Skip the build `npm start` does (the test suite has built already). */
  skipBuild: boolean;
  /** Seconds from the storm's first POST /cases to its instant; estimated from the intake when unset. */
  stormLeadS?: number;
}

const STEPS = [1, 2, 4, 8, 16, 32, 64];

const SIZES: Record<BenchSizes['mode'], BenchSizes> = {
  full: {
    mode: 'full',
    caseOpenFindings: 200,
    caseOpenSamples: 30,
    intakeStepMs: 10_000,
    intakeConcurrency: STEPS,
    findingsPerIntakeCase: 5,
    precisionFindings: 100,
    precisionSpreadMs: 60_000,
    stormFindings: 10_000,
    stormCaseSize: 50,
    rows: 1_000_000,
    readSamples: 200,
    exportRows: 100_000,
    fileMiB: 100,
    fileRuns: 2,
    renderings: 200,
  },
  quick: {
    mode: 'quick',
    caseOpenFindings: 200,
    caseOpenSamples: 15,
    intakeStepMs: 5_000,
    intakeConcurrency: STEPS,
    findingsPerIntakeCase: 5,
    precisionFindings: 100,
    precisionSpreadMs: 60_000,
    stormFindings: 2_000,
    stormCaseSize: 50,
    rows: 200_000,
    readSamples: 60,
    exportRows: 100_000,
    fileMiB: 100,
    fileRuns: 1,
    renderings: 50,
  },
  tiny: {
    mode: 'tiny',
    caseOpenFindings: 20,
    caseOpenSamples: 2,
    intakeStepMs: 1_500,
    intakeConcurrency: [1, 4],
    findingsPerIntakeCase: 5,
    precisionFindings: 10,
    precisionSpreadMs: 3_000,
    stormFindings: 50,
    stormCaseSize: 25,
    rows: 2_000,
    readSamples: 5,
    exportRows: 1_000,
    fileMiB: 4,
    fileRuns: 1,
    renderings: 6,
  },
};

const USAGE = `usage: npm run bench -- [--quick | --tiny] [--only ${PHASES.join(',')}] [--storm N] [--storm-lead SECONDS]
                            [--rows N] [--export-rows N] [--timer-shift 100ms] [--profile DIR] [--keep] [--skip-build]`;

export function parseOptions(argv: string[]): BenchOptions {
  const flag = (name: string) => argv.includes(name);
  const value = (name: string) => {
    const at = argv.indexOf(name);
    if (at < 0) return undefined;
    const next = argv[at + 1];
    if (next === undefined || next.startsWith('--')) throw new Error(`${name} needs a value\n${USAGE}`);
    return next;
  };
  const count = (name: string) => {
    const text = value(name);
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text) || Number(text) < 1) throw new Error(`${name} ${text}: expected a positive whole number`);
    return Number(text);
  };
  const known = [
    '--quick',
    '--tiny',
    '--keep',
    '--skip-build',
    '--storm',
    '--storm-lead',
    '--rows',
    '--export-rows',
    '--only',
    '--timer-shift',
    '--profile',
    '--help',
  ];
  const unknown = argv.find((arg) => arg.startsWith('--') && !known.includes(arg));
  if (unknown || flag('--help')) throw new Error(`${unknown ? `unknown option ${unknown}\n` : ''}${USAGE}`);

  const mode = flag('--tiny') ? 'tiny' : flag('--quick') ? 'quick' : 'full';
  const sizes = { ...SIZES[mode] };
  sizes.stormFindings = count('--storm') ?? sizes.stormFindings;
  sizes.rows = count('--rows') ?? sizes.rows;
  sizes.exportRows = count('--export-rows') ?? sizes.exportRows;
  const only = value('--only')?.split(',');
  const unknownPhase = only?.find((phase) => !(PHASES as readonly string[]).includes(phase));
  if (unknownPhase !== undefined) throw new Error(`--only ${unknownPhase}: expected some of ${PHASES.join(',')}\n${USAGE}`);
  const timerShift = value('--timer-shift');
  if (timerShift !== undefined && !/^\d+(ms|s)$/.test(timerShift))
    throw new Error(`--timer-shift ${timerShift}: expected a duration such as 100ms or 1s`);
  return {
    ...sizes,
    phases: new Set((only ?? PHASES) as Phase[]),
    keep: flag('--keep'),
    profileDir: value('--profile'),
    timerShift,
    skipBuild: flag('--skip-build') || process.env['SKIP_BUILD'] === '1',
    stormLeadS: count('--storm-lead'),
  };
}
