import { given } from '@vertrouwd/domain';
import { Mark } from './mark.aggregate';
import { MarkAlreadyRecordedError, RemarkNotSealedError, WeightOutOfRangeError } from './mark.errors';
import type { MarkRecorded } from './mark.events';

const at = new Date('2026-03-02T09:00:00Z');
const recorded: MarkRecorded = {
  type: 'MarkRecorded',
  markId: 'm-1',
  advisorId: 'advisor-1',
  topic: 'integrity',
  weight: 3,
  remark: 'sealed:v1:k:iv:ct',
  recordedAt: at.toISOString(),
};

describe('Mark', () => {
  it('records a mark with a sealed remark', () =>
    given(Mark)
      .when((m) => m.record('m-1', 'advisor-1', 'integrity', 3, 'sealed:v1:k:iv:ct', at))
      .then(recorded));

  it('refuses a remark that is not sealed', () =>
    given(Mark)
      .when((m) => m.record('m-1', 'advisor-1', 'integrity', 3, 'plain words', at))
      .thenThrows(RemarkNotSealedError));

  it('refuses a weight outside 0..100', () =>
    given(Mark)
      .when((m) => m.record('m-1', 'advisor-1', 'integrity', 101, 'sealed:x', at))
      .thenThrows(WeightOutOfRangeError));

  it('is recorded once', () =>
    given(Mark, recorded)
      .when((m) => m.record('m-1', 'advisor-1', 'other', 1, 'sealed:x', at))
      .thenThrows(MarkAlreadyRecordedError));
});
