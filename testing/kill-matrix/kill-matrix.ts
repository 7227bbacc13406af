// The kill matrix: `verify` against the correct implementations and every mutant.
// A mutant is killed for the right reason when every requirement it names in `violates` comes out
// failed (MUST) or warned (SHOULD), and the verdict is what `expected` says.
import type { Server } from 'node:http';
import { close, listen } from '../../servers/reference/index.ts';
import { verifySettings } from '../../settings/verify.ts';
import { verify } from '../../verify/run.ts';
import type { Layer, LayerContext, LayerName, RequirementResult, Verdict } from '../../verdict/types.ts';
import { createServerByName } from '../../servers/by-name.ts';
import { MUTANTS } from '../../servers/mutants/index.ts';

/** Cheap password hashing: the self-check is about behaviour, not hashing cost (the hashing path is the same). */
export const MATRIX_SCRYPT_COST = 1024;
/** The alt server's PBKDF2 iterations in the matrix: as cheap, for the same reason. */
const MATRIX_HASH_ITERATIONS = 1000;

export interface Subject {
  name: string;
  rotationGraceSeconds: number;
  expected: 'pass' | 'fail' | 'warn';
  violates: string[];
  /** The layers of the requirements in `violates`. */
  violatedLayers: LayerName[];
}

export interface Row extends Subject {
  verdict: Verdict;
  /** Requirement ids that did not pass, by layer. */
  caught: Record<LayerName, string[]>;
  missed: string[];
  ok: boolean;
  /** The load layer again with k6 (k6-column.ts), for the subjects of the k6 column. */
  k6?: K6Cell;
}

export interface K6Cell {
  /** Load requirements k6 did not pass ('?' marks a SHOULD warning). */
  caught: string[];
  /** k6 killed the subject for the right reason (or passed a correct server). */
  ok: boolean;
  /** MUST load requirements on which k6 and the Node engine came out differently. */
  disagreements: string[];
}

const CORRECT: Subject[] = [
  { name: 'reference', rotationGraceSeconds: 0, expected: 'pass', violates: [], violatedLayers: [] },
  { name: 'alt', rotationGraceSeconds: 0, expected: 'pass', violates: [], violatedLayers: [] },
  { name: 'alt', rotationGraceSeconds: 2, expected: 'pass', violates: [], violatedLayers: [] },
];

const VIOLATION = /^(conformance|contract|load):([A-Z]+-\d{2})?/;

/** 'conformance:REFRESH-04 (why)' → 'REFRESH-04'. Descriptive entries without an id are not checked. */
const requirementIds = (violates: string[]) => violates.flatMap((v) => VIOLATION.exec(v)?.[2] ?? []);

/** 'conformance:REFRESH-04 (why)' → 'conformance'; every entry names its layer (mutants/catalog.test.ts checks). */
const violatedLayers = (violates: string[]): LayerName[] => [
  ...new Set(violates.flatMap((v) => (VIOLATION.exec(v)?.[1] as LayerName | undefined) ?? [])),
];

export const SUBJECTS: Subject[] = [
  ...CORRECT,
  ...MUTANTS.map((m) => ({
    name: m.name,
    rotationGraceSeconds: 0,
    expected: m.expected,
    violates: requirementIds(m.violates),
    violatedLayers: violatedLayers(m.violates),
  })),
];

export interface MatrixOptions {
  layers: () => Layer[];
  durationSeconds: number;
  reportDir: string;
  log?: (line: string) => void;
  /** Load engine (default node). */
  engine?: LayerContext['engine'];
  /** k6 processes with operator-style execution segments (verify --runners; default 1). */
  runners?: number;
}

/**
 * Seconds of load for a server whose defect is a slowdown as it fills up (LOAD-06): a few seconds of load
 * on a busy machine issue too few tokens for it to show, whatever the statistic.
 */
const DEGRADATION_SECONDS = 8;

const loadSeconds = (subject: Subject, seconds: number) =>
  subject.violates.includes('LOAD-06') ? Math.max(seconds, DEGRADATION_SECONDS) : seconds;

export async function runSubject(subject: Subject, options: MatrixOptions): Promise<Row> {
  // The 500s some mutants answer are what the suite must catch; their stack traces are noise here.
  const server: Server = createServerByName(subject.name, {
    scryptCost: MATRIX_SCRYPT_COST,
    hashIterations: MATRIX_HASH_ITERATIONS,
    rotationGraceSeconds: subject.rotationGraceSeconds,
    providerStates: true,
    onUnexpectedError: () => undefined,
  });
  const baseUrl = await listen(server);
  try {
    const layers = options.layers();
    const settings = verifySettings({
      baseUrl,
      only: layers.map((l) => l.name),
      reportDir:
        `${options.reportDir}/${subject.name}-${subject.rotationGraceSeconds}-${options.engine ?? 'node'}` +
        (options.runners && options.runners > 1 ? `-${options.runners}-runners` : ''),
      durationSeconds: loadSeconds(subject, options.durationSeconds),
      engine: options.engine ?? 'node',
      rotationGraceSeconds: subject.rotationGraceSeconds,
      timeoutMs: 3000,
      runners: options.runners ?? 1,
    });
    const { summary } = await verify({ settings, layers, ...(options.log ? { log: options.log } : {}) });
    return judge(subject, summary.verdict, summary.requirements);
  } finally {
    await close(server);
  }
}

function judge(subject: Subject, verdict: Verdict, requirements: RequirementResult[]): Row {
  const caught: Record<LayerName, string[]> = { conformance: [], contract: [], load: [] };
  for (const r of requirements)
    if (r.layer !== 'baseline' && (r.status === 'fail' || r.status === 'warn'))
      caught[r.layer].push(`${r.id}${r.status === 'warn' ? '?' : ''}`);
  const notPassed = new Set(requirements.filter((r) => r.status === 'fail' || r.status === 'warn').map((r) => r.id));
  const ran = new Set(requirements.map((r) => r.id));
  const missed = subject.violates.filter((id) => ran.has(id) && !notPassed.has(id));
  const mustFailed = requirements.some((r) => r.status === 'fail');
  const ok =
    subject.expected === 'pass'
      ? !mustFailed
      : subject.expected === 'warn'
        ? !mustFailed && subject.violates.some((id) => notPassed.has(id)) && missed.length === 0
        : verdict === 'fail' && missed.length === 0 && subject.violates.some((id) => notPassed.has(id));
  return { ...subject, verdict, caught, missed, ok };
}

/** Markdown: one row per server, the requirements each layer caught ('?' marks a SHOULD warning). */
export function renderMatrix(rows: Row[], layers: LayerName[]): string {
  const k6 = rows.some((r) => r.k6);
  const columns = [...layers, ...(k6 ? ['load (k6)'] : [])];
  const head = [
    `| server | expected | verdict | ${columns.join(' | ')} | right reason |`,
    `| --- | --- | --- | ${columns.map(() => '---').join(' | ')} | --- |`,
  ].join('\n');
  const body = rows.map((r) => {
    const name = r.rotationGraceSeconds ? `${r.name} (grace ${r.rotationGraceSeconds} s)` : r.name;
    const cells = layers.map((l) => r.caught[l].join(' ') || '—');
    if (k6) cells.push(r.k6 ? k6Text(r.k6) : 'not run');
    const ok = r.ok && (r.k6 ? r.k6.ok : true);
    const missed = r.missed.length ? ` (missed ${r.missed.join(', ')})` : '';
    const reason = ok ? 'yes' : `**NO**${missed}`;
    return `| \`${name}\` | ${r.expected} | ${r.verdict} | ${cells.join(' | ')} | ${reason} |`;
  });
  return [head, ...body].join('\n');
}

function k6Text(cell: K6Cell): string {
  const caught = cell.caught.join(' ') || '—';
  return cell.disagreements.length ? `${caught} **(Node differs on ${cell.disagreements.join(', ')})**` : caught;
}
