CREATE TABLE `comment_marks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`comment_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`is_handled` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `review_comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comment_marks_comment` ON `comment_marks` (`comment_id`,`at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_checkpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`position` integer NOT NULL,
	`month` integer NOT NULL,
	`percent` real,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_checkpoints`("id", "project_id", "position", "month", "percent") SELECT "id", "project_id", "position", "month", "percent" FROM `checkpoints`;--> statement-breakpoint
DROP TABLE `checkpoints`;--> statement-breakpoint
ALTER TABLE `__new_checkpoints` RENAME TO `checkpoints`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `checkpoints_project` ON `checkpoints` (`project_id`,`position`);--> statement-breakpoint
ALTER TABLE `projects` ADD `published_number` integer;--> statement-breakpoint
ALTER TABLE `projects` ADD `total_typed` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `fiscal_typed` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `other_typed` text;--> statement-breakpoint
ALTER TABLE `review_comments` ADD `target_label` text;