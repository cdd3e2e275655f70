import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, TenantScope, type Principal } from '@vertrouwd/auth';
import { ApiProblemResponse } from '@vertrouwd/http';
import { RecordMark } from '../../application/record-mark/record-mark.command';
import { ReadMark } from '../../application/read-mark/read-mark.query';
import type { MarkView } from '../../application/read-mark/read-mark.handler';
import { RecordMarkRequest } from './record-mark.request.dto';

@ApiTags('marks')
@ApiBearerAuth()
@Controller('marks')
@Roles('advisor')
// The advisor comes from the token: an advisor can only record and read their own marks.
@TenantScope('none')
export class MarksHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiProblemResponse(400, 'Invalid input: the problem names each field and rule')
  record(
    @Body() body: RecordMarkRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() req: { correlationId?: string },
  ): Promise<{ markId: string }> {
    // The correlation id the HTTP kit checked (or made), never the raw header: it ends up in event metadata.
    const correlationId = req.correlationId ?? randomUUID();
    return this.commands.execute(new RecordMark(randomUUID(), advisorOf(principal), body.topic, body.weight, body.remark, correlationId));
  }

  @Get(':markId')
  @ApiProblemResponse(404, 'No such mark of yours')
  read(@Param('markId', new ParseUUIDPipe()) markId: string, @CurrentPrincipal() principal: Principal): Promise<MarkView> {
    return this.queries.execute(new ReadMark(markId, advisorOf(principal)));
  }
}

function advisorOf(principal: Principal): string {
  return principal.advisorId ?? principal.subject;
}
