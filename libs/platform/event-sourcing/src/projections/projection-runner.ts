import type { DataSource } from 'typeorm';
import type { EventStore, Subscription } from '../event-store.port';
import type { Projection, ProjectionStatus } from './projection';
import { ProjectionCheckpoints } from './projection-checkpoints';

export interface ProjectionRunnerOptions {
  batchSize?: number;
  onError?: (error: unknown) => void;
}

/**
 * Runs one projection: a catch-up-then-live subscription whose every page is applied in one read-model
 * transaction together with the checkpoint (exactly-once effect). `rebuild` drops the rows and replays
 * from zero; `status` shows the lag.
 */
export class ProjectionRunner {
  private subscription: Subscription | undefined;
  private starting: Promise<void> | undefined;
  private rebuilding: Promise<void> | undefined;
  private restarting: Promise<void> | undefined;
  private readonly checkpoints: ProjectionCheckpoints;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.checkpoints = new ProjectionCheckpoints(dataSource);
  }

  /** Starts the projection; concurrent calls share one start. */
  start(): Promise<void> {
    this.starting ??= this.startNow().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async startNow(): Promise<void> {
    if (this.subscription) return;
    await this.checkpoints.ensureTable();
    this.subscription = this.store.subscribe({
      subscriptionId: this.projection.name,
      filter: this.projection.filter,
      batchSize: this.options.batchSize ?? 500,
      checkpointing: 'handler',
      checkpoints: this.checkpoints,
      onError: (error) => {
        if (error instanceof CheckpointResetError) void this.restart();
        this.options.onError?.(error);
      },
      handle: (events, { checkpoint }) =>
        this.dataSource.transaction(async (manager) => {
          // The row lock orders runners; events at or below the stored checkpoint are already applied.
          const applied = await this.checkpoints.lockIn(manager, this.projection.name);
          // Behind what this runner has seen applied: a rebuild (here or in another process) reset the read model
          // since. Applying this page would leave out everything before it; the runner starts again from the
          // stored checkpoint instead, replaying what the reset removed, as the rebuilding runner does.
          const seen = this.subscription?.position;
          if (seen !== undefined && applied < seen) throw new CheckpointResetError(this.projection.name);
          const fresh = events.filter((e) => e.position > applied);
          if (fresh.length === 0) return;
          await this.projection.apply(fresh, manager);
          await this.checkpoints.saveIn(manager, this.projection.name, checkpoint);
        }),
    });
  }

  /**
   * A new subscription from the stored checkpoint (after a reset under it); concurrent calls share one. Not if the
   * runner was stopped or rebuilt meanwhile: its owner decides then, and a stopped runner stays stopped.
   */
  private restart(): Promise<void> {
    this.restarting ??= (async () => {
      const old = this.subscription;
      await old?.stop();
      if (old === undefined || this.subscription !== old) return;
      this.subscription = undefined;
      await this.start();
    })()
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => (this.restarting = undefined));
    return this.restarting;
  }

  async stop(): Promise<void> {
    await this.starting;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }

  /** Resolves once every event appended before the call is in the read model. */
  async caughtUp(): Promise<void> {
    await this.subscription?.caughtUp();
  }

  /** Drops the projection's rows and checkpoint in one transaction and replays it from the first event. */
  rebuild(): Promise<void> {
    this.rebuilding ??= this.rebuildNow().finally(() => (this.rebuilding = undefined));
    return this.rebuilding;
  }

  private async rebuildNow(): Promise<void> {
    const wasRunning = this.subscription !== undefined;
    await this.stop();
    await this.checkpoints.ensureTable();
    await this.dataSource.transaction(async (manager) => {
      // Taking the checkpoint lock first makes a runner in another process wait, not interleave.
      await this.checkpoints.lockIn(manager, this.projection.name);
      await this.projection.reset(manager);
      await this.checkpoints.deleteIn(manager, this.projection.name);
    });
    await this.start();
    await this.caughtUp();
    if (!wasRunning) await this.stop();
  }

  async status(): Promise<ProjectionStatus> {
    await this.checkpoints.ensureTable();
    const at = (await this.checkpoints.load(this.projection.name)) ?? 0n;
    const [head, [next]] = await Promise.all([
      this.store.headPosition(),
      this.store.readAll({ ...this.projection.filter, after: at, maxCount: 1 }),
    ]);
    // Behind only if an event it would apply is waiting; events it filters out are no lag.
    const lag = next ? head - at : 0n;
    return { name: this.projection.name, running: this.subscription !== undefined, checkpoint: at, head, lag };
  }
}

/** A page found its projection's checkpoint below what the runner had seen applied: the read model was reset under it. */
export class CheckpointResetError extends Error {
  constructor(projection: string) {
    super(`The checkpoint of projection ${projection} was reset (a rebuild): starting again from it`);
    this.name = 'CheckpointResetError';
  }
}
