// Messages name the rule only: they may reach a problem+json answer and must never carry content.
export class ReportAlreadySubmittedError extends Error {
  override readonly name = 'ReportAlreadySubmittedError';
  constructor() {
    super('This report was already submitted');
  }
}

export class ContentNotSealedError extends Error {
  override readonly name = 'ContentNotSealedError';
  constructor() {
    super('Personal data enters an event only sealed');
  }
}

export class ReportWithdrawnError extends Error {
  override readonly name = 'ReportWithdrawnError';
  constructor() {
    super('The report was withdrawn');
  }
}

export class ReportNotSubmittedError extends Error {
  override readonly name = 'ReportNotSubmittedError';
  constructor() {
    super('There is no such report');
  }
}

export class ReporterDataAlreadyErasedError extends Error {
  override readonly name = 'ReporterDataAlreadyErasedError';
  constructor() {
    super("The reporter's personal data was already erased");
  }
}

export class SummaryAlreadyAnsweredError extends Error {
  override readonly name = 'SummaryAlreadyAnsweredError';
  constructor() {
    super('This summary was already approved or corrected');
  }
}
