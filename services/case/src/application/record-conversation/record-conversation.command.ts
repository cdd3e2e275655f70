import type { CommandContext } from '@vertrouwd/service-kit';
import type { ConversationMode } from '../../domain/case/case.values';

export class RecordConversation {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly conversationId: string,
    readonly heldOn: string,
    readonly minutes: number,
    readonly mode: ConversationMode,
    readonly summary: string,
    readonly context: CommandContext,
  ) {}
}
