import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { JOB_INTERVAL_MS, type Clock } from './clock';

/** A job that runs every interval while the service runs; one run at a time, a failed run is logged and retried next time. */
export abstract class IntervalJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  protected readonly logger = new Logger(this.constructor.name);

  constructor(protected readonly clock: Clock) {}

  /** One pass at `now`; returns how many cases it changed. */
  abstract runOnce(now?: Date): Promise<number>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), JOB_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce(this.clock()).catch((error: unknown) => this.logger.error(`run failed: ${(error as Error).name}`));
    await this.running;
    this.running = undefined;
  }
}
