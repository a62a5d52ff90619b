-- Student accounts: psych committee members (心理委员) log in to report concerns about classmates.
alter table app_user add column student_id bigint references student (id);
create unique index app_user_student_idx on app_user (student_id) where student_id is not null;

alter table post drop constraint post_role_check;
alter table post add constraint post_role_check check (role in ('SYSTEM_ADMIN', 'CITY_OFFICER', 'DISTRICT_OFFICER',
    'SCHOOL_LEADER', 'SCHOOL_ADMIN', 'PSYCH_TEACHER', 'CRISIS_TEAM', 'HEAD_TEACHER', 'MENTOR', 'SUBJECT_TEACHER',
    'PSYCH_COMMITTEE'));
alter table post drop constraint post_check;
alter table post add constraint post_place_check check (
       (role = 'SYSTEM_ADMIN' and school_id is null and class_id is null)
    or (role = 'CITY_OFFICER' and city_id is not null)
    or (role = 'DISTRICT_OFFICER' and district_id is not null)
    or (role in ('SCHOOL_LEADER', 'SCHOOL_ADMIN', 'PSYCH_TEACHER', 'CRISIS_TEAM') and school_id is not null and class_id is null)
    or (role in ('HEAD_TEACHER', 'MENTOR', 'SUBJECT_TEACHER', 'PSYCH_COMMITTEE') and school_id is not null and class_id is not null));
