import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * Browsers an account has signed in from. The long-lived device cookie holds a random token; only its
 * SHA-256 is kept. A correct password from a known device is never delayed (lib/auth/sign-in.ts).
 */
export const knownDevices = pgTable(
  'known_devices',
  {
    tokenHash: text('token_hash').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    /** The last successful sign-in from it; failures after this count toward losing the trust. */
    lastUsedAt: bigint('last_used_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tokenHash, t.userId] }), index('known_devices_user').on(t.userId)],
);

export type KnownDeviceRow = typeof knownDevices.$inferSelect;
