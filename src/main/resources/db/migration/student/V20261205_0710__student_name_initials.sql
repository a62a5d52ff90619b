-- Issue 11 point 2: search a student by the pinyin initials of their name (张三丰 → "zsf"; typed "zs" finds him).
-- name_initials holds every reading's initials, each after a space (" zsf" or, for 曾小明, " zxm cxm"), at most
-- 16 variants, kept by a trigger whoever writes the row; the list searches it with like '% zs%' from a trigram index.
create function pinyin_initials(p_name text) returns text language plpgsql stable as $$
declare
    variants text[] := array[''];
    letters  text;
    next     text[];
    c        text;
begin
    foreach c in array regexp_split_to_array(coalesce(p_name, ''), '') loop
        select pi.initials into letters from pinyin_initial pi where pi.ch = c;
        if letters is null then
            -- letters and digits as typed (a name written in Latin letters); anything else (·, spaces) is skipped
            letters := case when c ~ '^[A-Za-z0-9]$' then lower(c) else '' end;
        end if;
        if letters <> '' then
            select array_agg(v || l order by vo, lo) into next
              from unnest(variants) with ordinality as a(v, vo),
                   unnest(regexp_split_to_array(letters, '')) with ordinality as b(l, lo);
            variants := next[1:16];
        end if;
    end loop;
    return ' ' || array_to_string(variants, ' ');
end $$;

alter table student add column name_initials text;
update student set name_initials = pinyin_initials(name);

create function student_set_name_initials() returns trigger language plpgsql as $$
begin
    new.name_initials := pinyin_initials(new.name);
    return new;
end $$;
create trigger student_name_initials before insert or update of name on student
    for each row execute function student_set_name_initials();

create index student_initials_trgm_idx on student using gin (name_initials gin_trgm_ops);
