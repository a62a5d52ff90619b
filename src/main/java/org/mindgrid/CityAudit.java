package org.mindgrid;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The semester's audit lines (ADR 0013), hash-chained exactly as {@code AuditChainWriter} chains them: one chain per
 * day in the schools' zone, rows in time order, each hash the SHA-256 of the canonical form (the SQL function
 * {@code audit_event_canonical}, version 1) over the previous hash; the chain heads are written at the end, so
 * {@code audit-verify} finds every generated chain intact. Days are built on two threads (each chain is
 * independent) while the connection streams the finished ones with {@code COPY}. Readers open the students they
 * may see: mentors and head teachers their class, subject teachers theirs (level 1), the school's team any
 * student; psychology teachers also read the warning queue.
 */
final class CityAudit {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final String GENESIS = "0".repeat(64);

	private static final HexFormat HEX = HexFormat.of();

	private final Connection connection;

	private final CityPlan plan;

	private long[] studentIds;

	private final Map<Long, int[]> classRange = new HashMap<>();

	private final Map<Long, long[]> schoolClasses = new HashMap<>();

	private record Staff(long id, String username, long schoolId, Long classId, String kind) {
	}

	private final List<Staff> staff = new ArrayList<>();

	private record Day(LocalDate day, long firstId, int rows) {
	}

	private record Chain(LocalDate day, byte[] copy, int rows, String lastHash) {
	}

	CityAudit(Connection connection, CityPlan plan) {
		this.connection = connection;
		this.plan = plan;
	}

	long write() throws SQLException {
		long total = plan.budget(CityPlan.AUDIT);
		if (total == 0) {
			return 0;
		}
		load();
		long base;
		try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
				"select nextval('audit_event_id_seq')")) {
			rs.next();
			base = rs.getLong(1);
		}
		List<Day> days = days(total, base);
		String format = formatConstraint();
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
				copy audit_event (id, occurred_at, user_id, username, action, resource, student_id, detail, remote_addr,
				                  chain_day, chain_seq, prev_hash, hash) from stdin""");
		List<Chain> heads = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			ArrayDeque<Future<Chain>> pending = new ArrayDeque<>();
			int next = 0;
			while (next < days.size() || !pending.isEmpty()) {
				while (next < days.size() && pending.size() < 3) {
					Day d = days.get(next++);
					pending.add(pool.submit(() -> chain(d)));
				}
				Chain c = pending.poll().get();
				copy.writeToCopy(c.copy(), 0, c.copy().length);
				heads.add(c);
			}
			copy.endCopy();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("audit chain", e.getCause());
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
			pool.shutdownNow();
		}
		try (PreparedStatement head = connection.prepareStatement(
				"insert into audit_chain_head (chain_day, last_seq, last_hash) values (?, ?, ?)")) {
			for (Chain c : heads) {
				if (c.rows() > 0) {
					head.setObject(1, c.day());
					head.setLong(2, c.rows());
					head.setString(3, c.lastHash());
					head.addBatch();
				}
			}
			head.executeBatch();
		}
		try (Statement s = connection.createStatement()) {
			s.execute("select setval('audit_event_id_seq', " + (base + total - 1) + ")");
			restore(s, format);
		}
		return total;
	}

	/**
	 * The hash format check ({@code ~ '^[0-9a-f]{64}$'} twice) costs PostgreSQL's regex engine ~37 µs a row, more
	 * than the rest of the COPY: it is dropped for the load and put back {@code NOT VALID} (it holds for every new
	 * row), after the generated rows were checked with an equivalent cheap predicate.
	 */
	private String formatConstraint() throws SQLException {
		try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
				select pg_get_constraintdef(oid) from pg_constraint
				 where conname = 'audit_event_hash_format' and conrelid = 'audit_event'::regclass""")) {
			if (!rs.next()) {
				return null;
			}
			String def = rs.getString(1);
			s.execute("alter table audit_event drop constraint audit_event_hash_format");
			return def;
		}
	}

	private static void restore(Statement s, String format) throws SQLException {
		if (format == null) {
			return;
		}
		try (ResultSet rs = s.executeQuery("""
				select count(*) from audit_event where not (length(hash) = 64 and length(prev_hash) = 64
				   and hash !~ '[^0-9a-f]' and prev_hash !~ '[^0-9a-f]')""")) {
			rs.next();
			if (rs.getLong(1) != 0) {
				throw new IllegalStateException(rs.getLong(1) + " generated audit rows have a malformed hash");
			}
		}
		s.execute("alter table audit_event add constraint audit_event_hash_format " + format + " not valid");
	}

	private void load() throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (Statement s = connection.createStatement()) {
			s.setFetchSize(50_000);
			try (ResultSet rs = s.executeQuery("select class_id, id from student order by class_id, id")) {
				long current = -1;
				int start = 0;
				while (rs.next()) {
					long classId = rs.getLong(1);
					if (classId != current) {
						if (current >= 0) {
							classRange.put(current, new int[] { start, ids.size() });
						}
						current = classId;
						start = ids.size();
					}
					ids.add(rs.getLong(2));
				}
				if (current >= 0) {
					classRange.put(current, new int[] { start, ids.size() });
				}
			}
			studentIds = ids.stream().mapToLong(Long::longValue).toArray();
			Map<Long, List<Long>> bySchool = new HashMap<>();
			try (ResultSet rs = s.executeQuery("select school_id, id from city_class order by school_id, ord")) {
				while (rs.next()) {
					bySchool.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
				}
			}
			bySchool.forEach((k, v) -> schoolClasses.put(k, v.stream().mapToLong(Long::longValue).toArray()));
			try (ResultSet rs = s.executeQuery(
					"select id, username, school_id, class_id, kind from city_staff order by id")) {
				while (rs.next()) {
					staff.add(new Staff(rs.getLong(1), rs.getString(2), rs.getLong(3), (Long) rs.getObject(4),
							rs.getString(5)));
				}
			}
		}
	}

	/** Rows per day: school days weigh 1, weekends 0.1; ids follow the days in order. */
	private List<Day> days(long total, long base) {
		int n = plan.days();
		double[] weight = new double[n];
		double sum = 0;
		for (int i = 0; i < n; i++) {
			int dow = plan.from().plusDays(i).getDayOfWeek().getValue();
			weight[i] = dow >= 6 ? 0.1 : 1;
			sum += weight[i];
		}
		List<Day> days = new ArrayList<>(n);
		long given = 0;
		for (int i = 0; i < n; i++) {
			int rows = i == n - 1 ? (int) (total - given) : (int) Math.round(total * weight[i] / sum);
			rows = (int) Math.min(rows, total - given);
			days.add(new Day(plan.from().plusDays(i), base + given, rows));
			given += rows;
		}
		return days;
	}

	/** One day's chain, as COPY text. */
	private Chain chain(Day d) throws NoSuchAlgorithmException {
		SplittableRandom random = new SplittableRandom(d.day().toEpochDay() * 7919);
		long dayStart = d.day().atTime(LocalTime.of(7, 0)).atZone(ZONE).toEpochSecond() * 1_000_000L;
		long now = System.currentTimeMillis() * 1000L;
		long span = 14L * 3600 * 1_000_000;
		long[] micros = new long[d.rows()];
		for (int i = 0; i < micros.length; i++) {
			micros[i] = Math.min(now - 1, dayStart + random.nextLong(span));
		}
		Arrays.sort(micros);
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		ByteArrayOutputStream copy = new ByteArrayOutputStream(d.rows() * 330 + 16);
		StringBuilder canonical = new StringBuilder(256);
		StringBuilder row = new StringBuilder(400);
		String prev = GENESIS;
		String day = d.day().toString();
		for (int i = 0; i < micros.length; i++) {
			long id = d.firstId() + i;
			Staff who = staff.get(random.nextInt(staff.size()));
			String action;
			String resource;
			Long student = pickStudent(who, random);
			if (student == null || ("psych".equals(who.kind()) && random.nextInt(5) == 0)) {
				action = "WARNING_QUEUE_READ";
				resource = "warning-reports";
				student = null;
			}
			else if (random.nextInt(5) == 0) {
				action = "TIMELINE_READ";
				resource = "student/" + student + "/timeline";
			}
			else {
				action = "teacher".equals(who.kind()) ? "STUDENT_VIEW" : "ARCHIVE_READ";
				resource = "student/" + student;
			}
			String addr = "10." + (who.schoolId() % 250) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
			long seq = i + 1;
			canonical.setLength(0);
			canonical.append("mindgrid-audit-v1");
			field(canonical, Long.toString(id));
			field(canonical, Long.toString(micros[i]));
			field(canonical, day);
			field(canonical, Long.toString(seq));
			field(canonical, Long.toString(who.id()));
			field(canonical, who.username());
			field(canonical, action);
			field(canonical, resource);
			field(canonical, student == null ? null : student.toString());
			field(canonical, null);
			field(canonical, addr);
			field(canonical, prev);
			String hash = HEX.formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.ISO_8859_1)));
			row.setLength(0);
			row.append(id).append('\t').append(timestamp(micros[i])).append('\t').append(who.id()).append('\t')
				.append(who.username()).append('\t').append(action).append('\t').append(resource).append('\t')
				.append(student == null ? "\\N" : student.toString()).append("\t\\N\t").append(addr).append('\t')
				.append(day).append('\t').append(seq).append('\t').append(prev).append('\t').append(hash).append('\n');
			copy.writeBytes(row.toString().getBytes(StandardCharsets.ISO_8859_1));
			prev = hash;
		}
		return new Chain(d.day(), copy.toByteArray(), d.rows(), prev);
	}

	/** A student the reader may open: of their class, or of their school for the school's team. */
	private Long pickStudent(Staff who, SplittableRandom random) {
		long classId;
		if (who.classId() != null) {
			classId = who.classId();
		}
		else {
			long[] classes = schoolClasses.get(who.schoolId());
			classId = classes[random.nextInt(classes.length)];
		}
		int[] range = classRange.get(classId);
		if (range == null || range[1] == range[0]) {
			return null;
		}
		return studentIds[range[0] + random.nextInt(range[1] - range[0])];
	}

	/** UTC, microseconds: what PostgreSQL stores, so the hash's micros are the row's. */
	private static String timestamp(long micros) {
		long seconds = Math.floorDiv(micros, 1_000_000L);
		int fraction = (int) Math.floorMod(micros, 1_000_000L);
		long daySeconds = Math.floorMod(seconds, 86_400L);
		StringBuilder s = new StringBuilder(32).append(LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L))).append(' ');
		two(s, (int) (daySeconds / 3600)).append(':');
		two(s, (int) (daySeconds / 60 % 60)).append(':');
		two(s, (int) (daySeconds % 60)).append('.');
		String f = Integer.toString(fraction);
		return s.append("000000", 0, 6 - f.length()).append(f).append("+00").toString();
	}

	private static StringBuilder two(StringBuilder s, int v) {
		return s.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
	}

	/** As AuditHash: '~' for null, else the UTF-8 length, ':' and the text (every generated value is ASCII). */
	private static void field(StringBuilder s, String value) {
		s.append('|');
		if (value == null) {
			s.append('~');
		}
		else {
			s.append(value.length()).append(':').append(value);
		}
	}
}
