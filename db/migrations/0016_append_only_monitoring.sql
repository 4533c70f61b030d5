-- Custom migration (drizzle-kit generate --custom): the monitoring workflow history and the target
-- adjustments are append-only, like the audit log (0001) and the review conversation (0002).
-- monitoring_events: never changed or deleted (a cascade from deleting a report fires this too).
-- table_adjustments: a proposal is never changed or deleted; the one UPDATE allowed is its decision
-- (submitted → approved or returned, setting version, decided_by, decision_reason, updated_at), and a
-- decision is final. The history shows every proposal as it was made.
CREATE TRIGGER `monitoring_events_no_update` BEFORE UPDATE ON `monitoring_events`
BEGIN
  SELECT RAISE(ABORT, 'monitoring_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `monitoring_events_no_delete` BEFORE DELETE ON `monitoring_events`
BEGIN
  SELECT RAISE(ABORT, 'monitoring_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `table_adjustments_decision_only` BEFORE UPDATE ON `table_adjustments`
WHEN OLD.status <> 'submitted' OR NEW.status NOT IN ('approved', 'returned')
  OR NEW.id IS NOT OLD.id OR NEW.project_id IS NOT OLD.project_id OR NEW.seq IS NOT OLD.seq
  OR NEW.reason IS NOT OLD.reason OR NEW.budget_before_yuan IS NOT OLD.budget_before_yuan
  OR NEW.budget_after_yuan IS NOT OLD.budget_after_yuan OR NEW.goal_before IS NOT OLD.goal_before
  OR NEW.goal_after IS NOT OLD.goal_after OR NEW.rows IS NOT OLD.rows
  OR NEW.proposed_by IS NOT OLD.proposed_by OR NEW.created_at IS NOT OLD.created_at
BEGIN
  SELECT RAISE(ABORT, 'table_adjustments is append-only: a proposal never changes and its decision is final');
END;
--> statement-breakpoint
CREATE TRIGGER `table_adjustments_no_delete` BEFORE DELETE ON `table_adjustments`
BEGIN
  SELECT RAISE(ABORT, 'table_adjustments is append-only');
END;
