-- A mentor of a class (a MENTOR post in it) may list and observe every student of that class, not only the
-- students assigned to them (ADR 0018): a subject teacher of the class already can. Archive level stays with the
-- mentor's own students, through their assignments.
create or replace view student_access as
    select p.user_id, s.id as student_id, 2 as level
      from post p join app_user u on u.id = p.user_id and u.enabled
      join student s on s.school_id = p.school_id
     where p.role in ('PSYCH_TEACHER', 'CRISIS_TEAM', 'SCHOOL_LEADER')
    union all
    select p.user_id, s.id, 1
      from post p join app_user u on u.id = p.user_id and u.enabled
      join student s on s.school_id = p.school_id
     where p.role = 'SCHOOL_ADMIN'
    union all
    select p.user_id, s.id, 2
      from post p join app_user u on u.id = p.user_id and u.enabled
      join student s on s.class_id = p.class_id
     where p.role = 'HEAD_TEACHER'
    union all
    select p.user_id, s.id, 1
      from post p join app_user u on u.id = p.user_id and u.enabled
      join student s on s.class_id = p.class_id
     where p.role in ('SUBJECT_TEACHER', 'MENTOR')
    union all
    select ma.mentor_user_id, ma.student_id, 2
      from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id and u.enabled
      join student s on s.id = ma.student_id and s.class_id = ma.class_id;
