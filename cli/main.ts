// token-suite: the process around the command line (cli/command-line.ts): its exit code becomes the process's.
import { runCommandLine } from './command-line.ts';

process.exitCode = await runCommandLine(process.argv.slice(2));
