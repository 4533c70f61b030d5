import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { units } from './units';
import { MEMBERSHIP_ROLES } from '../enums';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** `scrypt$N$r$p$salt$hash`, see lib/auth/password.ts */
  passwordHash: text('password_hash').notNull(),
  isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
  isDisabled: integer('is_disabled', { mode: 'boolean' }).notNull().default(false),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  /** Unused since sign-in delays are decided from login_attempts (issue 20 item 9); kept so no migration rebuilds users. */
  failedAttempts: integer('failed_attempts').notNull().default(0),
  /** Unused, as failedAttempts. */
  lockedUntil: integer('locked_until'),
  passwordChangedAt: integer('password_changed_at').notNull(),
  createdAt: integer('created_at').notNull(),
});

/** A user's role in one unit: owner (编制人) or reviewer (审核人). */
export const memberships = sqliteTable(
  'memberships',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    role: text('role', { enum: MEMBERSHIP_ROLES }).notNull(),
    /** The role holds in this unit only; otherwise it covers the unit's whole subtree. */
    isThisUnitOnly: integer('is_this_unit_only', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unitId, t.role] }), index('memberships_unit').on(t.unitId, t.role)],
);

/** Server-side sessions; the cookie carries a random token whose SHA-256 is the id. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Sign-in attempts (per typed username, whether or not it exists): the progressive delays are decided from them. */
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    at: integer('at').notNull(),
    isSuccess: integer('is_success', { mode: 'boolean' }).notNull(),
    /** True while the password is being checked: counted by every app server, so parallel guesses cannot pass the lock. */
    isPending: integer('is_pending', { mode: 'boolean' }).notNull().default(false),
    /** SHA-256 of the device cookie sent with the attempt, if any: a known device's own failures end its trust. */
    device: text('device'),
  },
  (t) => [index('login_attempts_ip_at').on(t.ip, t.at), index('login_attempts_username_at').on(t.username, t.at)],
);

export type UserRow = typeof users.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
