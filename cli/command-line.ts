// token-suite's command line as a function: the arguments in, the exit code out (cli/main.ts is the process
// around it). Each subcommand returns its exit code; usage errors exit 2.
import { collectCommand, COLLECT_USAGE } from './collect.ts';
import { compareCommand, COMPARE_USAGE } from './compare.ts';
import { serve, SERVE_USAGE } from './serve.ts';
import { UsageError } from './usage-error.ts';
import { verifyCommand, VERIFY_USAGE } from './verify.ts';
import { SettingError } from '../settings/setting.ts';
import { CannotRunError } from '../verdict/errors.ts';
import { TOOL_VERSION } from '../verdict/version.ts';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  verify: { run: verifyCommand, usage: VERIFY_USAGE },
  serve: { run: serve, usage: SERVE_USAGE },
  compare: { run: compareCommand, usage: COMPARE_USAGE },
  collect: { run: collectCommand, usage: COLLECT_USAGE },
};

const USAGE = `usage: token-suite <command> [options]   (token-suite --version prints the version)\n\n${Object.values(
  COMMANDS,
)
  .map((c) => c.usage)
  .join('\n\n')}`;

const isVersion = (arg: string | undefined) => arg === '--version' || arg === '-V';
const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h';

async function dispatch(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (isVersion(name) || (name !== undefined && name in COMMANDS && args.some(isVersion))) {
    console.log(`token-suite ${TOOL_VERSION}`);
    return 0;
  }
  if (name === undefined || isHelp(name) || name === 'help') {
    console.log(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command)
    throw new UsageError(`Unknown command '${name}'; try: ${Object.keys(COMMANDS).join(', ')} (or --help, --version).`);
  if (args.some(isHelp)) {
    console.log(command.usage);
    return 0;
  }
  return command.run(args);
}

/**
 * Exit 2 when the suite cannot run: a usage or setting error says what to fix in one sentence; any other
 * error is the suite's own (never exit 1, which means the server failed a MUST).
 */
export async function runCommandLine(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (error) {
    const sentence = error instanceof CannotRunError || error instanceof SettingError;
    console.error(
      sentence
        ? `token-suite: ${(error as Error).message}`
        : `token-suite: internal error: ${(error as Error).stack ?? String(error)}`,
    );
    return 2;
  }
}
