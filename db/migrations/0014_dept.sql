CREATE TABLE `unit_year_review_settings` (
	`unit_year_id` integer PRIMARY KEY NOT NULL,
	`review_levels` integer DEFAULT 1 NOT NULL,
	`set_by` integer,
	`set_at` integer NOT NULL,
	FOREIGN KEY (`unit_year_id`) REFERENCES `unit_years`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
