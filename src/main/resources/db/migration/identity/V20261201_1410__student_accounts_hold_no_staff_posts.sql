-- Issue 6, point 3: an account linked to a student (a psych committee member, ADR 0011) never holds a staff post
-- or a mentor assignment, and only such an account holds the PSYCH_COMMITTEE post. Each table that could break the
-- rule checks it; the account row is read FOR SHARE, so a grant and a concurrent link to a student serialise on it
-- and the second one sees the first. Errors name the rule (student_account_staff_post, student_account_mentor)
-- so that the services can answer them as a 409 (docs/decisions/0015-post-grants.md).

-- Refuse to install over data that already breaks the rule: a person must decide which post or link was wrong.
do $$
begin
    if exists (select 1 from post p join app_user u on u.id = p.user_id
                where (u.student_id is not null) <> (p.role = 'PSYCH_COMMITTEE'))
       or exists (select 1 from mentor_assignment ma join app_user u on u.id = ma.mentor_user_id
                   where u.student_id is not null) then
        raise exception 'student accounts hold staff posts or mentor assignments, or staff hold PSYCH_COMMITTEE posts: fix these rows first (see docs/decisions/0015-post-grants.md)';
    end if;
end;
$$;

create function post_holder_check() returns trigger language plpgsql as $$
declare
    linked_student bigint;
begin
    select u.student_id into linked_student from app_user u where u.id = new.user_id for share;
    if (linked_student is not null) <> (new.role = 'PSYCH_COMMITTEE') then
        raise exception 'student_account_staff_post: a student account holds only the PSYCH_COMMITTEE post and only a student account holds it (user %, role %)',
            new.user_id, new.role using errcode = 'check_violation', constraint = 'student_account_staff_post';
    end if;
    return new;
end;
$$;
create trigger post_holder_check before insert or update of user_id, role on post
    for each row execute function post_holder_check();

create function mentor_assignment_holder_check() returns trigger language plpgsql as $$
declare
    linked_student bigint;
begin
    select u.student_id into linked_student from app_user u where u.id = new.mentor_user_id for share;
    if linked_student is not null then
        raise exception 'student_account_mentor: a student account is never a mentor (user %)', new.mentor_user_id
            using errcode = 'check_violation', constraint = 'student_account_mentor';
    end if;
    return new;
end;
$$;
create trigger mentor_assignment_holder_check before insert or update of mentor_user_id on mentor_assignment
    for each row execute function mentor_assignment_holder_check();

-- The row lock of the UPDATE is taken before this trigger runs, so grants committed meanwhile are seen.
create function app_user_student_link_check() returns trigger language plpgsql as $$
begin
    if exists (select 1 from post p where p.user_id = new.id
                and (new.student_id is not null) <> (p.role = 'PSYCH_COMMITTEE')) then
        raise exception 'student_account_staff_post: the account''s posts do not fit a % account (user %)',
            case when new.student_id is null then 'staff' else 'student' end, new.id
            using errcode = 'check_violation', constraint = 'student_account_staff_post';
    end if;
    if new.student_id is not null and exists (select 1 from mentor_assignment ma where ma.mentor_user_id = new.id) then
        raise exception 'student_account_mentor: the account is a mentor and cannot be linked to a student (user %)', new.id
            using errcode = 'check_violation', constraint = 'student_account_mentor';
    end if;
    return new;
end;
$$;
create trigger app_user_student_link_check before update of student_id on app_user
    for each row when (new.student_id is distinct from old.student_id)
    execute function app_user_student_link_check();
