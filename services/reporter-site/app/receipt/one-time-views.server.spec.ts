import { keepForOneView, takeOneView, VIEW_TTL_SECONDS } from './one-time-views.server';

const receipt = {
  receiptCode: 'K7QW-3MZP-9RTX-2VHB-0001',
  passphrase: 'AB3DE-FG4HJ-KM5NP-QR6ST-VW7XY-Z8ABC',
  proof: { receiptHash: 'c', submittedAt: '2026-12-05T21:30:00.000Z', signature: 's', keyId: 'k' },
};

describe('a receipt kept for one view', () => {
  it('is shown once, then never again', () => {
    const id = keepForOneView(receipt);
    expect(takeOneView(id)).toEqual(receipt);
    expect(takeOneView(id)).toBeUndefined();
  });

  it('is gone once its time is up, and cannot be had by a made-up or missing id', () => {
    const now = Date.now();
    const id = keepForOneView(receipt, now);
    expect(takeOneView(id, now + VIEW_TTL_SECONDS * 1000 + 1)).toBeUndefined();
    expect(takeOneView('made-up')).toBeUndefined();
    expect(takeOneView(undefined)).toBeUndefined();
  });

  it('has an unguessable id of 256 bits, different every time', () => {
    const ids = new Set(Array.from({ length: 100 }, () => keepForOneView(receipt)));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(Buffer.from(id, 'base64url')).toHaveLength(32);
  });
});
