-- Usernames fold case (issue 20 item 13): lower-case every username that no other account shares
-- but for case. The rest are left as they are and named at start-up (lib/setup/startup.ts).
UPDATE `users` SET `username` = lower(`username`)
WHERE `username` <> lower(`username`)
  AND NOT EXISTS (SELECT 1 FROM `users` AS `other` WHERE `other`.`id` <> `users`.`id` AND lower(`other`.`username`) = lower(`users`.`username`));
