-- Who may see which student, derived from posts and the grid. Level 1: may list the student (name, class,
-- 学号) and write observations; level 2: may read the growth archive. Queries join this view, so scope is
-- always a SQL predicate. Bureau officers and system administrators have no rows: they see aggregates only.
create view student_access as
    select p.user_id, s.id as student_id, 2 as level
      from post p join student s on s.school_id = p.school_id
     where p.role in ('PSYCH_TEACHER', 'CRISIS_TEAM', 'SCHOOL_LEADER')
    union all
    select p.user_id, s.id, 1
      from post p join student s on s.school_id = p.school_id
     where p.role = 'SCHOOL_ADMIN'
    union all
    select p.user_id, s.id, 2
      from post p join student s on s.class_id = p.class_id
     where p.role = 'HEAD_TEACHER'
    union all
    select p.user_id, s.id, 1
      from post p join student s on s.class_id = p.class_id
     where p.role = 'SUBJECT_TEACHER'
    union all
    select ma.mentor_user_id, ma.student_id, 2
      from mentor_assignment ma;
