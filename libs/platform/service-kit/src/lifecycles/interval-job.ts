import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

/** The time source of jobs: injectable, so tests move time instead of waiting for it. */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** How often jobs look by default (they are idempotent, so often enough to be timely is all it needs). */
export const JOB_INTERVAL_MS = 60_000;

/**
 * A job that runs every interval while the service runs (registered with @nestjs/schedule's registry under its
 * class name): one run at a time; a failed run is logged by error class and retried next time.
 */
@Injectable()
export abstract class IntervalJob implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  protected readonly intervalMs: number = JOB_INTERVAL_MS;
  private running: Promise<unknown> | undefined;
  @Inject(SchedulerRegistry) private readonly scheduler!: SchedulerRegistry;

  constructor(@Optional() @Inject(CLOCK) protected readonly clock: Clock = systemClock) {}

  /** One pass at `now`; returns how many things it changed. */
  abstract runOnce(now?: Date): Promise<number>;

  onApplicationBootstrap(): void {
    const timer = setInterval(() => void this.tick(), this.intervalMs);
    timer.unref();
    this.scheduler.addInterval(this.constructor.name, timer);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', this.constructor.name)) this.scheduler.deleteInterval(this.constructor.name);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce(this.clock()).catch((error: unknown) =>
      this.logger.error(`run failed: ${error instanceof Error ? error.name : typeof error}`),
    );
    await this.running;
    this.running = undefined;
  }
}
