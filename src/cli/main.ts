/** The `career-lattice` bin: runs the CLI with the real process and sets its exit code. */
import { run } from './run.js';

// `career-lattice … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2));
