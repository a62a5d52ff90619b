-- Issue 11 point 2: the list's capped count reads the school's index only (no heap visit per row): the scope
-- check needs school_id, class_id and id, so class_id rides along in the index.
drop index student_school_list_idx;
create index student_school_list_idx on student (school_id, list_key, id) include (class_id) where status = 'ENROLLED';
