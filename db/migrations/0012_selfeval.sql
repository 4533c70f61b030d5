CREATE TABLE `selfeval_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`selfeval_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`user_id` integer NOT NULL,
	`reason` text,
	`version` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`selfeval_id`) REFERENCES `selfevals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `selfeval_events_selfeval` ON `selfeval_events` (`selfeval_id`,`at`);--> statement-breakpoint
CREATE TABLE `selfeval_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_year_id` integer NOT NULL,
	`is_public` integer DEFAULT false NOT NULL,
	`opened_by` integer,
	`opened_at` integer NOT NULL,
	FOREIGN KEY (`unit_year_id`) REFERENCES `unit_years`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `selfeval_rounds_unit_year` ON `selfeval_rounds` (`unit_year_id`);--> statement-breakpoint
CREATE TABLE `selfevals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`data` text NOT NULL,
	`score_cents` integer,
	`grade` text,
	`updated_by` integer,
	`submitted_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `selfeval_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `selfevals_round_project` ON `selfevals` (`round_id`,`project_id`);--> statement-breakpoint
CREATE INDEX `selfevals_project` ON `selfevals` (`project_id`);