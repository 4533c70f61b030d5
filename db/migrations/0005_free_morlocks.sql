CREATE TABLE `table_adjustments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`status` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`reason` text NOT NULL,
	`budget_before_yuan` integer NOT NULL,
	`budget_after_yuan` integer NOT NULL,
	`goal_before` text NOT NULL,
	`goal_after` text NOT NULL,
	`rows` text NOT NULL,
	`proposed_by` integer,
	`decided_by` integer,
	`decision_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `table_adjustments_project_seq` ON `table_adjustments` (`project_id`,`seq`);--> statement-breakpoint
CREATE INDEX `table_adjustments_status` ON `table_adjustments` (`status`);