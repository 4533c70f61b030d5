ALTER TABLE `login_attempts` ADD `is_pending` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `login_attempts_username_at` ON `login_attempts` (`username`,`at`);