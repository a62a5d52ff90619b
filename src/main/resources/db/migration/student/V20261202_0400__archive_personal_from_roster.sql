-- Issue 7, point 11: ethnicity, native place and address have one source of truth, the student (roster) row. The
-- roster's values stay; where only the archive had a value, it moves to the roster. Then the archive's own copy goes
-- (its revisions keep theirs: history is never edited). Written to be harmless when run twice.
update student s
   set ethnicity    = coalesce(nullif(btrim(s.ethnicity), ''), nullif(btrim(a.content -> 'personal' ->> 'ethnicity'), '')),
       native_place = coalesce(nullif(btrim(s.native_place), ''), nullif(btrim(a.content -> 'personal' ->> 'nativePlace'), '')),
       address      = coalesce(nullif(btrim(s.address), ''), nullif(btrim(a.content -> 'personal' ->> 'address'), ''))
  from growth_archive a
 where a.student_id = s.id and a.content -> 'personal' is not null;

update growth_archive set content = content - 'personal' where content -> 'personal' is not null;
