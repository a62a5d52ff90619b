-- Coverage counts look duties up by semester and kind.
create index duty_semester_idx on duty (semester_id, kind, status) where semester_id is not null;
