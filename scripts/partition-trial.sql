-- Issue 11 point 7: does hash partitioning by school pay on this box? Run against the generator's city with
--   psql -h localhost -p <embedded port> -U postgres -d postgres -f scripts/partition-trial.sql
-- It copies observation into observation_trial (16 hash partitions on school_id, the same index plus one on
-- (school_id, observed_on)), times the copy and the hot queries on both, and drops the copy.
\timing on
\set school 1
select student_id as student from observation where school_id = :school order by id desc limit 1 \gset
drop table if exists observation_trial;
create table observation_trial (like observation including defaults) partition by hash (school_id);
select format('create table observation_trial_%s partition of observation_trial for values with (modulus 16, remainder %s)', r, r)
  from generate_series(0, 15) r \gexec
\echo copy of every observation into 16 partitions
insert into observation_trial select * from observation;
create index on observation_trial (student_id, created_at desc);
create index on observation_trial (school_id, observed_on);
create index if not exists observation_trial_plain_school_idx on observation (school_id, observed_on);
analyze observation_trial;
analyze observation;
\echo 1. the observations of one student (timeline), plain table
explain (analyze, buffers, costs off, summary on) select * from observation where student_id = :student order by created_at desc limit 50;
\echo 1b. same, partitioned, student only (no pruning)
explain (analyze, buffers, costs off, summary on) select * from observation_trial where student_id = :student order by created_at desc limit 50;
\echo 1c. same, partitioned, with the school (pruned to one partition)
explain (analyze, buffers, costs off, summary on) select * from observation_trial where school_id = :school and student_id = :student order by created_at desc limit 50;
\echo 2. the observations of a school this semester by sign (dashboard), plain table with a (school_id, observed_on) index
explain (analyze, buffers, costs off, summary on) select unnest(signs), count(*) from observation where school_id = :school and observed_on >= date '2026-09-01' group by 1;
\echo 2b. same, partitioned
explain (analyze, buffers, costs off, summary on) select unnest(signs), count(*) from observation_trial where school_id = :school and observed_on >= date '2026-09-01' group by 1;
\echo 3. the city by school (city dashboard), plain
explain (analyze, buffers, costs off, summary on) select school_id, count(*) from observation where observed_on >= date '2026-11-01' group by 1;
\echo 3b. same, partitioned
explain (analyze, buffers, costs off, summary on) select school_id, count(*) from observation_trial where observed_on >= date '2026-11-01' group by 1;
\echo 4. 20,000 inserts, plain then partitioned
insert into observation select * from observation where school_id = :school order by id limit 0;
begin;
insert into observation (student_id, school_id, class_id, observer_user_id, observed_on, crisis_level, created_at)
select student_id, school_id, class_id, observer_user_id, observed_on, crisis_level, created_at from observation where id <= 20000;
rollback;
begin;
insert into observation_trial (id, student_id, school_id, class_id, observer_user_id, observed_on, crisis_level, created_at)
select id, student_id, school_id, class_id, observer_user_id, observed_on, crisis_level, created_at from observation where id <= 20000;
rollback;
\echo 5. vacuum of the whole table against one partition
vacuum (analyze) observation;
vacuum (analyze) observation_trial_0;
drop index observation_trial_plain_school_idx;
drop table observation_trial;
