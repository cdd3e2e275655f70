export class MarkAlreadyRecordedError extends Error {
  override readonly name = 'MarkAlreadyRecordedError';

  constructor() {
    super('This mark is already recorded');
  }
}

export class RemarkNotSealedError extends Error {
  override readonly name = 'RemarkNotSealedError';

  constructor() {
    super('A remark enters an event only sealed');
  }
}

export class WeightOutOfRangeError extends Error {
  override readonly name = 'WeightOutOfRangeError';

  constructor() {
    super('A weight is a whole number from 0 to 100');
  }
}
