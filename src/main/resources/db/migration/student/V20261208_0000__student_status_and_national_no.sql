-- Issue 14: a student's status (在籍, 转出, 毕业, 休学, 离校) and the national student number (学籍号) that keys a
-- hand-over between schools. The number is unique inside a school; after a transfer two schools hold it.
alter table student drop constraint if exists student_status_check;
alter table student add constraint student_status_check
    check (status in ('ENROLLED', 'TRANSFERRED', 'GRADUATED', 'SUSPENDED', 'LEFT'));
alter table student add column national_no text;
alter table student add column status_since date;
alter table student add column status_reason text;
create unique index student_national_no_idx on student (school_id, national_no) where national_no is not null;
create index student_national_no_lookup_idx on student (national_no) where national_no is not null;
