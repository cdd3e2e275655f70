import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { WrongExpectedVersionError } from '@vertrouwd/event-sourcing';
import { currentTraceparent } from '@vertrouwd/telemetry';
import { TopicTally } from '../../domain/tally/topic-tally.aggregate';
import { TallyRepository } from '../tally.repository';
import { CountMark } from './count-mark.command';

@CommandHandler(CountMark)
export class CountMarkHandler implements ICommandHandler<CountMark, void> {
  constructor(private readonly tallies: TallyRepository) {}

  /** Retries when another delivery changed the same tally meanwhile: counting is safe to repeat. */
  async execute(command: CountMark): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const tally = (await this.tallies.load(command.topic)) ?? new TopicTally();
      if (!tally.count(command.topic, command.markId, command.weight)) return;
      try {
        await this.tallies.save(tally, {
          correlationId: command.correlationId,
          causationId: command.causationId,
          traceparent: currentTraceparent(),
        });
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt >= 5) throw error;
      }
    }
  }
}
