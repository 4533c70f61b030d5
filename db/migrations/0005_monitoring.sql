CREATE TABLE `monitoring_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`row_key` text NOT NULL,
	`actual` text DEFAULT '' NOT NULL,
	`forecast` text DEFAULT '' NOT NULL,
	`reasons` text DEFAULT '[]' NOT NULL,
	`reason_text` text DEFAULT '' NOT NULL,
	`likelihood` text,
	`note` text DEFAULT '' NOT NULL,
	`cumulative` integer,
	`light` text DEFAULT 'none' NOT NULL,
	`progress` real,
	FOREIGN KEY (`report_id`) REFERENCES `monitoring_reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monitoring_entries_report_row` ON `monitoring_entries` (`report_id`,`row_key`);--> statement-breakpoint
CREATE TABLE `monitoring_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`user_id` integer NOT NULL,
	`reason` text,
	`comments` text DEFAULT '[]' NOT NULL,
	`version` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `monitoring_reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `monitoring_events_report` ON `monitoring_events` (`report_id`,`at`);--> statement-breakpoint
CREATE TABLE `monitoring_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`budget_yuan` integer NOT NULL,
	`executed_yuan` integer,
	`forecast_yuan` integer,
	`goal_progress` text DEFAULT '' NOT NULL,
	`analysis` text DEFAULT '' NOT NULL,
	`needs_rectification` integer DEFAULT false NOT NULL,
	`rectification` text DEFAULT '' NOT NULL,
	`funds_light` text DEFAULT 'none' NOT NULL,
	`funds_progress` real,
	`light` text DEFAULT 'none' NOT NULL,
	`red_count` integer DEFAULT 0 NOT NULL,
	`yellow_count` integer DEFAULT 0 NOT NULL,
	`updated_by` integer,
	`submitted_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `monitoring_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monitoring_reports_round_project` ON `monitoring_reports` (`round_id`,`project_id`);--> statement-breakpoint
CREATE INDEX `monitoring_reports_round_light` ON `monitoring_reports` (`round_id`,`light`);--> statement-breakpoint
CREATE INDEX `monitoring_reports_project` ON `monitoring_reports` (`project_id`);--> statement-breakpoint
CREATE TABLE `monitoring_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_year_id` integer NOT NULL,
	`month` integer NOT NULL,
	`deadline` text NOT NULL,
	`opened_by` integer,
	`opened_at` integer NOT NULL,
	FOREIGN KEY (`unit_year_id`) REFERENCES `unit_years`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monitoring_rounds_unit_year_month` ON `monitoring_rounds` (`unit_year_id`,`month`);--> statement-breakpoint
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