/** Waits that a stop can cut short, so no consumer sits out a back-off or a poll interval to shut down. */
export class Pauses {
  private readonly sleepers = new Set<() => void>();

  /** Resolves after `ms`, or as soon as wakeAll() is called. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  wakeAll(): void {
    [...this.sleepers].forEach((wake) => wake());
  }
}
