-- Issue 6, point 4: every grant and removal of a post (and every mentor assignment) is a security event. The row
-- says what it opened: the holder, the role and its place. The trail of a student shows the grants covering their
-- class or school by joining on these columns, so a school post needs one row, not one per student. Adding
-- columns with constant defaults rewrites no row, so the append-only triggers are untouched.
alter table audit_event add column grant_event boolean not null default false;
alter table audit_event add column grant_user_id bigint;
alter table audit_event add column grant_role text;
alter table audit_event add column grant_school_id bigint;
alter table audit_event add column grant_class_id bigint;

-- The school's list of post events, newest first.
create index audit_event_grant_school_idx on audit_event (grant_school_id, occurred_at desc, id desc)
    where grant_event;
-- The grants covering a student's class or school (rows naming a student are found by audit_event_student_idx).
create index audit_event_grant_cover_idx on audit_event (grant_school_id, grant_class_id, occurred_at desc, id desc)
    where grant_event and student_id is null;
