CREATE TABLE `unit_year_deadlines` (
	`unit_year_id` integer PRIMARY KEY NOT NULL,
	`due_on` text NOT NULL,
	`set_by` integer,
	`set_at` integer NOT NULL,
	FOREIGN KEY (`unit_year_id`) REFERENCES `unit_years`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `units` ADD `parent_id` integer REFERENCES units(id);--> statement-breakpoint
CREATE INDEX `units_parent` ON `units` (`parent_id`);--> statement-breakpoint
ALTER TABLE `memberships` ADD `is_this_unit_only` integer DEFAULT false NOT NULL;