import { Module } from '@nestjs/common';
import { MarksHttpController } from './api/http/marks.http.controller';
import { MarkRepository } from './application/mark.repository';
import { ReadMarkHandler } from './application/read-mark/read-mark.handler';
import { RecordMarkHandler } from './application/record-mark/record-mark.handler';
import { OutboxRelayLifecycle } from './infrastructure/outbox-relay.lifecycle';

@Module({
  controllers: [MarksHttpController],
  providers: [MarkRepository, RecordMarkHandler, ReadMarkHandler, OutboxRelayLifecycle],
})
export class SampleMarksModule {}
