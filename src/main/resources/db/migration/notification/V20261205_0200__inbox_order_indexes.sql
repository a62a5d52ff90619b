-- Issue 11 point 2: the inbox reads its page from an index. Unread first, then read, each newest first: one index
-- per part, in the order the page shows it, so a user with 20,000 notifications costs what a page costs.
create index notification_unread_order_idx on notification (user_id, created_at desc, id desc) where read_at is null;
create index notification_read_order_idx on notification (user_id, created_at desc, id desc) where read_at is not null;
drop index notification_user_idx;
