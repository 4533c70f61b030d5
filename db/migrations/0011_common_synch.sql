CREATE TABLE `project_imports` (
	`project_id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`content_hash` text NOT NULL,
	`user_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
