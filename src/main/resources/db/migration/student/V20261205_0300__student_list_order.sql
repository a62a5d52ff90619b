-- Issue 11 point 2: the student list reads its page from an index. The list's order (grade, class, 学号) spans
-- three tables; list_key carries it on the student row, kept by triggers when a student, class or grade changes,
-- so that "the school's students in list order" is one index range however large the school.
-- chr(1) separates the parts: it sorts before every printable character, so "1班" comes before "1班A".
create function student_list_key(p_class bigint, p_no text) returns text language sql stable as $$
    select lpad(g.level::text, 2, '0') || chr(1) || c.name || chr(1) || p_no
      from school_class c join grade g on g.id = c.grade_id where c.id = p_class
$$;

alter table student add column list_key text;
update student set list_key = student_list_key(class_id, student_no);
alter table student alter column list_key set not null;

create function student_set_list_key() returns trigger language plpgsql as $$
begin
    new.list_key := student_list_key(new.class_id, new.student_no);
    return new;
end $$;
create trigger student_list_key before insert or update of class_id, student_no on student
    for each row execute function student_set_list_key();

create function school_class_list_key() returns trigger language plpgsql as $$
begin
    update student set list_key = student_list_key(class_id, student_no) where class_id = new.id;
    return null;
end $$;
create trigger school_class_list_key after update of name, grade_id on school_class
    for each row execute function school_class_list_key();

create function grade_list_key() returns trigger language plpgsql as $$
begin
    update student set list_key = student_list_key(class_id, student_no)
     where class_id in (select c.id from school_class c where c.grade_id = new.id);
    return null;
end $$;
create trigger grade_list_key after update of level on grade
    for each row execute function grade_list_key();

create index student_school_list_idx on student (school_id, list_key, id) where status = 'ENROLLED';
create index student_class_list_idx on student (class_id, list_key, id) where status = 'ENROLLED';

-- search by any part of the name or 学号 (LIKE '%俊%'), from an index
create extension if not exists pg_trgm;
create index student_name_trgm_idx on student using gin (name gin_trgm_ops);
create index student_no_trgm_idx on student using gin (student_no gin_trgm_ops);
