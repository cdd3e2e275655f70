export { SessionStore, type SessionStoreOptions, type CreatedSession } from './session-store';
export { sessionCookie, clearedSessionCookie, sessionIdFrom, SESSION_ID_PATTERN } from './session-cookie';
export { OneTimeStore, type OneTimeStoreOptions, ONE_TIME_TOKEN_PATTERN } from './one-time-store';
export { openOnce } from './open-once';
