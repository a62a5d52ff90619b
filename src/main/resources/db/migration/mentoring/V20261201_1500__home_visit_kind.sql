-- Which record a home visit follows (issue 7, point 9): tool 3's outline for the visit before term starts, or the
-- short general visit record. Every visit so far followed the outline.
alter table home_visit add column kind text not null default 'TERM_START' check (kind in ('TERM_START', 'GENERAL'));
