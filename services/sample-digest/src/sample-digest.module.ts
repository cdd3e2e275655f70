import { Module } from '@nestjs/common';
import { DigestHttpController } from './api/http/digest.http.controller';
import { CountMarkHandler } from './application/count-mark/count-mark.handler';
import { TallyRepository } from './application/tally.repository';
import { DigestInfrastructure } from './infrastructure/digest.infrastructure';

@Module({
  controllers: [DigestHttpController],
  providers: [TallyRepository, CountMarkHandler, DigestInfrastructure],
})
export class SampleDigestModule {}
