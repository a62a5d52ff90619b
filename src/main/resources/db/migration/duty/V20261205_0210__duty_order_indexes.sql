-- Issue 11 point 2: "my duties" reads its page from an index: open ones by deadline, then the closed ones newest
-- first, one index per part in the page's order.
create index duty_assignee_open_order_idx on duty (assignee_user_id, due_at, id) where status = 'OPEN';
create index duty_assignee_closed_order_idx on duty (assignee_user_id, done_at desc nulls last, id)
    where status <> 'OPEN';
