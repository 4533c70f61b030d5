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
ALTER TABLE `review_comments` ADD `target_label` text;