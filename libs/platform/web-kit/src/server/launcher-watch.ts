/**
 * Under `npm start` the launcher names itself (`VERTROUWD_LAUNCHER_PID`): a web service it started stops when the
 * launcher is gone, also when it was killed with no chance to stop its children (they were left holding their ports,
 * and the next `npm start` could not listen). Its parent changes then (the process is handed to init), which is
 * checked once a second. Elsewhere (a container, a test) nothing is watched.
 */
export function stopWithLauncher(stop: () => void, env: NodeJS.ProcessEnv = process.env): void {
  const launcher = Number(env.VERTROUWD_LAUNCHER_PID);
  if (!Number.isInteger(launcher) || launcher <= 0) return;
  const timer = setInterval(() => {
    if (process.ppid === launcher) return;
    clearInterval(timer);
    stop();
  }, 1_000);
  timer.unref();
}
