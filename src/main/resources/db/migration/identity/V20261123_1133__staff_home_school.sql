-- The school an account was created for. A new staff account has no post yet; this ties it to its school so the
-- school's administrator can find it and give it posts. Accounts with posts belong to the schools of those posts.
alter table app_user add column school_id bigint references school (id);
create index app_user_school_idx on app_user (school_id);
