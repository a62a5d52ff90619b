-- The account that records what no signed-in person did: a student's screening answers submitted with a code
-- raise warning reports "by MindGrid screening" (ADR 0025). It holds no post and cannot sign in.
insert into app_user (username, display_name, password_hash, enabled)
values ('mindgrid-system', 'MindGrid', '{noop}!disabled', false)
on conflict (username) do nothing;
