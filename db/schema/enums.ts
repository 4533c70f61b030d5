/** Value sets shared by both engines' schemas and by the code that reads them. */
/** `dept_approved`: approved by the department, waiting for the finance level (two-level review, issue 18). */
export const PROJECT_STATUSES = ['draft', 'submitted', 'returned', 'dept_approved', 'approved'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const TARGET_KINDS = ['quantity', 'deadline', 'text'] as const;

export const MEMBERSHIP_ROLES = ['owner', 'reviewer'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** Monitoring warning lights (lib/domain/lights.ts). */
export const LIGHTS = ['red', 'yellow', 'green', 'blue', 'none'] as const;
