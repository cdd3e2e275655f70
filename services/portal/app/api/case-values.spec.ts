import { ACTIVITIES, CONSENT_SCOPES, CONVERSATION_MODES, ENGAGEMENT_KINDS, LEGAL_DUTY_REASONS, REFERRAL_TYPES } from '@vertrouwd/contracts';
import * as portal from './case-values';

// The portal offers exactly the values the services take: a value added to a contract appears in the forms (with
// its label in every language, which the messages' type checks), and none the service would refuse.
describe("the case page's closed lists", () => {
  it('are the contracts’ lists, in their order', () => {
    expect(portal.CONVERSATION_MODES).toEqual(CONVERSATION_MODES);
    expect(portal.REFERRAL_TYPES).toEqual(REFERRAL_TYPES);
    expect(portal.ACTIVITIES).toEqual(ACTIVITIES);
    expect(portal.CONSENT_SCOPES).toEqual(CONSENT_SCOPES);
    expect(portal.ENGAGEMENT_KINDS).toEqual(ENGAGEMENT_KINDS);
    expect(portal.LEGAL_DUTY_REASONS).toEqual(LEGAL_DUTY_REASONS);
  });
});
