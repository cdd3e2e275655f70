import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { eventually, processRuns } from '@vertrouwd/testing';
import { stopWithLauncher } from './launcher-watch.ts';

describe('stopWithLauncher', () => {
  it('stops a web service whose launcher was killed, and not while the launcher runs', async () => {
    // The web service: watches its launcher, as serve.ts does, and runs until told to stop.
    const service = `
      import { stopWithLauncher } from ${JSON.stringify(join(__dirname, 'launcher-watch.ts'))};
      stopWithLauncher(() => process.exit(0));
      setInterval(() => undefined, 1000);`;
    // The launcher: starts it with its own pid, says the service's pid, and is then killed without stopping it.
    const launcherScript = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['--input-type=module', '-e', ${JSON.stringify(service)}], {
        env: { ...process.env, VERTROUWD_LAUNCHER_PID: String(process.pid) },
        stdio: 'ignore',
      });
      process.stdout.write(child.pid + '\\n');
      setInterval(() => undefined, 1000);`;
    const launcher = spawn(process.execPath, ['-e', launcherScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    const servicePid = await new Promise<number>((resolve) =>
      launcher.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim()))),
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(processRuns(servicePid)).toBe(true);
      launcher.kill('SIGKILL');
      await eventually(() => expect(processRuns(servicePid)).toBe(false), { timeoutMs: 10_000 });
    } finally {
      launcher.kill('SIGKILL');
      if (processRuns(servicePid)) process.kill(servicePid, 'SIGKILL');
    }
  });

  it('watches nothing without a launcher', () => {
    const stop = jest.fn();
    jest.useFakeTimers();
    try {
      stopWithLauncher(stop, {});
      jest.advanceTimersByTime(5_000);
      expect(stop).not.toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });
});
