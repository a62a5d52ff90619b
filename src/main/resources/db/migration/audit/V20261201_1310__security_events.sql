-- Refused requests for students' records are audit lines with action ACCESS_REFUSED. Counting a user's recent
-- refusals (the burst alert) and listing a school's security events read only those lines.
create index audit_event_refusal_user_idx on audit_event (user_id, occurred_at) where action = 'ACCESS_REFUSED';
create index audit_event_refusal_time_idx on audit_event (occurred_at desc) where action = 'ACCESS_REFUSED';

-- When a user's burst of refusals was last reported, so that one burst notifies the school once per window.
create table refusal_alert (
    user_id     bigint primary key references app_user (id),
    notified_at timestamptz not null
);
