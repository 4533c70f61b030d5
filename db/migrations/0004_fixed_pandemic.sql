ALTER TABLE `indicators` ADD `longterm_value` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `longterm_goal` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `amount_unit` text;