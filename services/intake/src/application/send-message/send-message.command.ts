export class SendReporterMessage {
  constructor(
    readonly caseId: string,
    readonly body: string,
    readonly correlationId: string,
  ) {}
}
