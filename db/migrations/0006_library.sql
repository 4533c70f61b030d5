CREATE TABLE `library_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`level1` text NOT NULL,
	`level2` text NOT NULL,
	`name_key` text NOT NULL,
	`name` text NOT NULL,
	`uses` integer DEFAULT 0 NOT NULL,
	`is_standard` integer DEFAULT false NOT NULL,
	`explanation` text,
	`method` text,
	`reference` text,
	`framework_code` text,
	`is_retired` integer DEFAULT false NOT NULL,
	`merged_into` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `library_entries_key` ON `library_entries` (`level1`,`level2`,`name_key`);--> statement-breakpoint
CREATE INDEX `library_entries_uses` ON `library_entries` (`uses`,`id`);--> statement-breakpoint
CREATE INDEX `library_entries_level2_uses` ON `library_entries` (`level2`,`uses`,`id`);--> statement-breakpoint
CREATE INDEX `library_entries_name` ON `library_entries` (`name_key`);--> statement-breakpoint
CREATE INDEX `library_entries_standard` ON `library_entries` (`uses`) WHERE is_standard = 1;--> statement-breakpoint
CREATE TABLE `library_entry_units` (
	`entry_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`uses` integer NOT NULL,
	PRIMARY KEY(`entry_id`, `unit_id`),
	FOREIGN KEY (`entry_id`) REFERENCES `library_entries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `library_entry_units_unit` ON `library_entry_units` (`unit_id`,`entry_id`);--> statement-breakpoint
CREATE TABLE `library_facets` (
	`entry_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`entry_id`, `unit_id`, `kind`, `text`),
	FOREIGN KEY (`entry_id`) REFERENCES `library_entries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `library_facets_top` ON `library_facets` (`entry_id`,`unit_id`,`kind`,`count`);--> statement-breakpoint
CREATE TABLE `library_grams` (
	`gram` text NOT NULL,
	`entry_id` integer NOT NULL,
	PRIMARY KEY(`gram`, `entry_id`),
	FOREIGN KEY (`entry_id`) REFERENCES `library_entries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `library_sources` (
	`entry_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`entry_id`, `project_id`),
	FOREIGN KEY (`entry_id`) REFERENCES `library_entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `library_sources_project` ON `library_sources` (`project_id`);