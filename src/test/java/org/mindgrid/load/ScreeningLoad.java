package org.mindgrid.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load test of the screening answer API (issue 9, point 7): a psychology teacher creates a campaign over a set of
 * classes, consents every student, fetches the codes; then N students at once each open their session, save their
 * answers item by item (random option values, a think time between items) and submit. Reports throughput and
 * p50/p95/p99 of saved answers and of submits (target: p95 below 200 ms per saved answer).
 * <p>
 * Only loopback targets (the app on this machine); every loop is bounded by the student count and
 * {@code --max-seconds}. Usage and figures: docs/load-testing.md. Run {@code --help} for the options.
 */
public final class ScreeningLoad {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Options of a run; {@link #parse} reads them from {@code --name value} arguments. */
	public record Options(String base, String psychUser, String adminUser, String password, int students,
			int perClass, int grade, List<String> scaleIds, int thinkMs, int rampMs, int maxSeconds, String runId,
			List<Long> classIds) {

		public static Options defaults() {
			return new Options("http://localhost:8080", "psych1", "principal1", "Demo#2026", 2000, 40, 8,
					List.of("phq9", "gad7"), 3000, 10000, 900, Long.toString(System.currentTimeMillis() % 1_000_000, 36),
					List.of());
		}

		public Options withBase(String base) {
			return new Options(base, psychUser, adminUser, password, students, perClass, grade, scaleIds, thinkMs,
					rampMs, maxSeconds, runId, classIds);
		}

		public Options withUsers(String psychUser, String adminUser) {
			return new Options(base, psychUser, adminUser, password, students, perClass, grade, scaleIds, thinkMs,
					rampMs, maxSeconds, runId, classIds);
		}

		public Options withClasses(List<Long> classIds) {
			return new Options(base, psychUser, adminUser, password, students, perClass, grade, scaleIds, thinkMs,
					rampMs, maxSeconds, runId, List.copyOf(classIds));
		}

		public Options withStudents(int students, int perClass, int thinkMs, int rampMs) {
			return new Options(base, psychUser, adminUser, password, students, perClass, grade, scaleIds, thinkMs,
					rampMs, maxSeconds, runId, classIds);
		}

		static Options parse(String[] args) {
			Options o = defaults();
			Map<String, String> a = new LinkedHashMap<>();
			for (int i = 0; i < args.length; i++) {
				if (args[i].equals("--help")) {
					a.put("help", "");
					continue;
				}
				if (!args[i].startsWith("--") || i + 1 >= args.length) {
					throw new IllegalArgumentException("expected --name value, got " + args[i]);
				}
				a.put(args[i].substring(2), args[++i]);
			}
			if (a.containsKey("help")) {
				System.out.println("""
						ScreeningLoad options (defaults in brackets):
						  --base URL            the app, loopback only [http://localhost:8080]
						  --psych USER          psychology teacher who creates the campaign [psych1]
						  --admin USER          school administrator who imports the load students [principal1]
						  --password PW         password of both [Demo#2026]
						  --students N          concurrent students [2000]
						  --per-class N         students per new class [40]
						  --grade G             grade of the new classes [8]
						  --scales a,b          scale ids of the campaign [phq9,gad7]
						  --think-ms MS         mean pause between a student's answers, +-50% [3000]
						  --ramp-ms MS          students start spread over this time [10000]
						  --max-seconds S       the run stops by itself after this [900]
						  --run ID              tag of the students' numbers (LT<ID>0001...) [time-based]
						  --classes 1,2         use these existing classes (all their students) instead of importing
						""");
				System.exit(0);
			}
			return new Options(a.getOrDefault("base", o.base), a.getOrDefault("psych", o.psychUser),
					a.getOrDefault("admin", o.adminUser), a.getOrDefault("password", o.password),
					Integer.parseInt(a.getOrDefault("students", "" + o.students)),
					Integer.parseInt(a.getOrDefault("per-class", "" + o.perClass)),
					Integer.parseInt(a.getOrDefault("grade", "" + o.grade)),
					a.containsKey("scales") ? List.of(a.get("scales").split(",")) : o.scaleIds,
					Integer.parseInt(a.getOrDefault("think-ms", "" + o.thinkMs)),
					Integer.parseInt(a.getOrDefault("ramp-ms", "" + o.rampMs)),
					Integer.parseInt(a.getOrDefault("max-seconds", "" + o.maxSeconds)), a.getOrDefault("run", o.runId),
					a.containsKey("classes")
							? Arrays.stream(a.get("classes").split(",")).map(Long::valueOf).toList()
							: List.of());
		}
	}

	/** Latencies of one kind of request, in microseconds. */
	public static final class Timings {

		private final String name;

		private final List<long[]> chunks = new ArrayList<>();

		private long[] current = new long[4096];

		private int n;

		private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

		Timings(String name) {
			this.name = name;
		}

		synchronized void add(long micros) {
			if (n == current.length) {
				chunks.add(current);
				current = new long[4096];
				n = 0;
			}
			current[n++] = micros;
		}

		void fail(String why) {
			failures.computeIfAbsent(why, k -> new AtomicInteger()).incrementAndGet();
		}

		synchronized long[] sorted() {
			long[] all = new long[chunks.size() * 4096 + n];
			int i = 0;
			for (long[] c : chunks) {
				System.arraycopy(c, 0, all, i, c.length);
				i += c.length;
			}
			System.arraycopy(current, 0, all, i, n);
			Arrays.sort(all);
			return all;
		}

		public int count() {
			return sorted().length;
		}

		public int failed() {
			return failures.values().stream().mapToInt(AtomicInteger::get).sum();
		}

		public Map<String, Integer> failures() {
			Map<String, Integer> m = new TreeMap<>();
			failures.forEach((k, v) -> m.put(k, v.get()));
			return m;
		}

		/** The p-th percentile in milliseconds (nearest rank), or NaN without samples. */
		public double percentileMs(double p) {
			long[] s = sorted();
			if (s.length == 0) {
				return Double.NaN;
			}
			int rank = (int) Math.ceil(p / 100.0 * s.length);
			return s[Math.max(0, Math.min(s.length - 1, rank - 1))] / 1000.0;
		}

		String line(double seconds) {
			long[] s = sorted();
			double max = s.length == 0 ? Double.NaN : s[s.length - 1] / 1000.0;
			return String.format(Locale.ROOT,
					"%-8s %7d ok %5d failed  %8.1f/s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms%s", name,
					s.length, failed(), s.length / seconds, percentileMs(50), percentileMs(95), percentileMs(99), max,
					failures.isEmpty() ? "" : "  " + failures());
		}
	}

	/** What a run measured. */
	public record Report(Options options, long campaignId, int students, int completed, double seconds,
			Timings sessions, Timings saves, Timings submits, double setupSeconds) {

		public String format() {
			return String.format(Locale.ROOT, """
					Screening load run %s against %s: campaign %d, scales %s
					%d students at once (think %d ms, ramp %d ms), %d completed in %.1f s (setup %.1f s)
					%s
					%s
					%s
					target p95 per saved answer < 200 ms: %s""", options.runId(), options.base(), campaignId,
					options.scaleIds(), students, options.thinkMs(), options.rampMs(), completed, seconds,
					setupSeconds, sessions.line(seconds), saves.line(seconds), submits.line(seconds),
					saves.percentileMs(95) < 200 ? "met" : "NOT met");
		}
	}

	private final Options options;

	private final HttpClient http;

	private final ExecutorService httpExecutor;

	private String token;

	public ScreeningLoad(Options options) {
		this.options = options;
		requireLoopback(options.base());
		this.httpExecutor = Executors.newFixedThreadPool(4, daemon("load-http"));
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(10)).executor(httpExecutor).build();
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		Report report = new ScreeningLoad(options).run();
		System.out.println(report.format());
		System.exit(report.completed() == report.students() ? 0 : 1);
	}

	/** Load traffic goes to this machine only. */
	static void requireLoopback(String base) {
		String host = URI.create(base).getHost();
		try {
			if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
				throw new IllegalArgumentException("--base must be a loopback address (localhost, 127.0.0.1), not "
						+ base);
			}
		}
		catch (java.net.UnknownHostException ex) {
			throw new IllegalArgumentException("unknown host in " + base, ex);
		}
	}

	/** A campaign open for the load students: its id and their answer codes. */
	public record Prepared(long campaignId, List<String> codes, double setupSeconds) {
	}

	/**
	 * The setup of a run, also for other clients (the Gatling journey of issue 11): the students (imported, or
	 * those of {@code --classes}), a campaign over their classes, every parent's consent, the codes.
	 */
	public Prepared prepare() throws InterruptedException {
		long setupStart = System.nanoTime();
		token = login(options.psychUser());
		long schoolId = call("GET", "/api/v1/me", null, token, 200).get("schoolId").asLong();
		List<Long> classIds = options.classIds();
		if (classIds.isEmpty()) {
			importStudents(schoolId);
		}
		// the students: imported ones by their number prefix, or everyone in the given classes
		List<long[]> students = classIds.isEmpty() ? studentsByPrefix("LT" + options.runId())
				: studentsOfClasses(classIds);
		if (classIds.isEmpty()) {
			classIds = students.stream().map(s -> s[1]).distinct().sorted().toList();
		}
		Instant now = Instant.now();
		Map<String, Object> campaign = new LinkedHashMap<>();
		campaign.put("name", "压力测试 " + options.runId());
		campaign.put("scaleIds", options.scaleIds());
		campaign.put("classIds", classIds);
		campaign.put("opensAt", now.minus(Duration.ofHours(1)).toString());
		campaign.put("closesAt", now.plus(Duration.ofDays(30)).toString());
		long campaignId = call("POST", "/api/v1/screening/campaigns", campaign, token, 201).get("id").asLong();
		parallel(students, s -> call("POST", "/api/v1/screening/campaigns/" + campaignId + "/consents",
				Map.of("studentId", s[0], "consent", true), token, -1));
		List<String> codes = new ArrayList<>();
		for (JsonNode item : call("GET", "/api/v1/screening/campaigns/" + campaignId + "/codes", null, token, 200)
				.get("items")) {
			codes.add(item.get("code").asString());
		}
		if (codes.size() < students.size()) {
			throw new IllegalStateException("only " + codes.size() + " codes for " + students.size() + " students");
		}
		return new Prepared(campaignId, codes, (System.nanoTime() - setupStart) / 1e9);
	}

	public Report run() throws InterruptedException {
		Prepared prepared = prepare();
		long campaignId = prepared.campaignId();
		List<String> codes = prepared.codes();
		double setupSeconds = prepared.setupSeconds();

		Timings sessions = new Timings("session");
		Timings saves = new Timings("save");
		Timings submits = new Timings("submit");
		AtomicInteger completed = new AtomicInteger();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.maxSeconds());
		ExecutorService pool = Executors.newFixedThreadPool(codes.size(), daemon("student"));
		CountDownLatch go = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(codes.size());
		for (String code : codes) {
			pool.execute(() -> {
				try {
					go.await();
					if (student(code, deadline, sessions, saves, submits)) {
						completed.incrementAndGet();
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				catch (RuntimeException ex) {
					sessions.fail(ex.getClass().getSimpleName());
				}
				finally {
					done.countDown();
				}
			});
		}
		long start = System.nanoTime();
		go.countDown();
		done.await(options.maxSeconds() + 60L, TimeUnit.SECONDS);
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdownNow();
		httpExecutor.shutdown();
		return new Report(options, campaignId, codes.size(), completed.get(), seconds, sessions, saves, submits,
				setupSeconds);
	}

	/** One student: open the session, answer every item of every scale with pauses, submit. */
	private boolean student(String code, long deadline, Timings sessions, Timings saves, Timings submits)
			throws InterruptedException {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		if (options.rampMs() > 0) {
			Thread.sleep(random.nextInt(options.rampMs()));
		}
		Timed session = timed("GET", "/api/v1/screening/sessions/" + code, null);
		if (session.status() != 200) {
			sessions.fail("HTTP " + session.status());
			return false;
		}
		sessions.add(session.micros());
		for (JsonNode scale : session.json().get("scales")) {
			if (scale.path("submitted").asBoolean(false)) {
				continue;
			}
			String scaleId = scale.get("id").asString();
			List<Integer> values = new ArrayList<>();
			scale.get("options").forEach(o -> values.add(o.get("value").asInt()));
			for (JsonNode item : scale.get("items")) {
				if (System.nanoTime() > deadline) {
					saves.fail("deadline");
					return false;
				}
				think(random);
				Map<String, Integer> answer = Map.of(String.valueOf(item.get("no").asInt()),
						values.get(random.nextInt(values.size())));
				Timed saved = timed("POST", "/api/v1/screening/sessions/" + code + "/answers",
						Map.of("scaleId", scaleId, "answers", answer));
				if (saved.status() != 200) {
					saves.fail("HTTP " + saved.status());
					return false;
				}
				saves.add(saved.micros());
			}
		}
		think(random);
		Timed submitted = timed("POST", "/api/v1/screening/sessions/" + code + "/submit", Map.of());
		if (submitted.status() != 200) {
			submits.fail("HTTP " + submitted.status());
			return false;
		}
		submits.add(submitted.micros());
		return true;
	}

	private void think(Random random) throws InterruptedException {
		if (options.thinkMs() > 0) {
			Thread.sleep(options.thinkMs() / 2 + random.nextInt(options.thinkMs() + 1));
		}
	}

	private record Timed(int status, long micros, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}
	}

	private Timed timed(String method, String path, Object body) {
		long t0 = System.nanoTime();
		try {
			HttpResponse<String> r = http.send(request(method, path, body, null), BodyHandlers.UTF8);
			return new Timed(r.statusCode(), (System.nanoTime() - t0) / 1000, r.body());
		}
		catch (IOException ex) {
			return new Timed(-1, (System.nanoTime() - t0) / 1000, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Timed(-2, 0, "interrupted");
		}
	}

	private static final class BodyHandlers {

		static final HttpResponse.BodyHandler<String> UTF8 = HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
	}

	private HttpRequest request(String method, String path, Object body, String bearer) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(options.base() + path))
				.timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
		if (bearer != null) {
			b.header("Authorization", "Bearer " + bearer);
		}
		if (body == null) {
			b.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			b.header("Content-Type", "application/json; charset=utf-8").method(method,
					HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
		}
		return b.build();
	}

	/** A setup call: the expected status (or any 2xx with -1), else an exception with the answer. */
	private JsonNode call(String method, String path, Object body, String bearer, int expected) {
		try {
			HttpResponse<String> r = http.send(request(method, path, body, bearer), BodyHandlers.UTF8);
			boolean ok = expected == -1 ? r.statusCode() / 100 == 2 : r.statusCode() == expected;
			if (!ok) {
				throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
			}
			return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String login(String user) {
		return call("POST", "/api/v1/auth/token", Map.of("username", user, "password", options.password()), null, 200)
				.get("token").asString();
	}

	/**
	 * The load students: {@code students} new ones in new classes of grade {@code grade} (class names 101班, 102班,
	 * ...), numbered {@code LT<run>0001} ..., imported through the roster API by the school administrator.
	 */
	private void importStudents(long schoolId) {
		String admin = login(options.adminUser());
		StringBuilder csv = new StringBuilder("学号,姓名,性别,出生日期,年级,班级\n");
		int birthYear = 2026 - 6 - options.grade();
		for (int i = 1; i <= options.students(); i++) {
			int classNo = 100 + (i - 1) / options.perClass() + 1;
			// names take no digits: 压测 + the number in Chinese digits (压测一二三)
			csv.append(String.format(Locale.ROOT, "LT%s%04d,压测%s,%s,%d-%02d-%02d,%d,%d班\n", options.runId(), i,
					chineseDigits(i), i % 2 == 0 ? "女" : "男", birthYear, 1 + i % 12, 1 + i % 28, options.grade(),
					classNo));
		}
		byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
		String boundary = "----load" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"load.csv\""
				+ "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		try {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(
					URI.create(options.base() + "/api/v1/schools/" + schoolId + "/roster"))
					.timeout(Duration.ofSeconds(300)).header("Authorization", "Bearer " + admin)
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), BodyHandlers.UTF8);
			JsonNode json = r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
			if (json == null || json.path("errors").size() > 0) {
				throw new IllegalStateException("roster import answered " + r.statusCode() + ": " + r.body());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("roster import: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String chineseDigits(int n) {
		StringBuilder b = new StringBuilder();
		for (char c : Integer.toString(n).toCharArray()) {
			b.append("〇一二三四五六七八九".charAt(c - '0'));
		}
		return b.toString();
	}

	/** {id, classId} of every student whose number starts with the prefix. */
	private List<long[]> studentsByPrefix(String prefix) {
		return pages("/api/v1/students?q=" + prefix + "&size=200", s -> s.get("studentNo").asString().startsWith(prefix));
	}

	private List<long[]> studentsOfClasses(List<Long> classIds) {
		List<long[]> all = new ArrayList<>();
		for (Long c : classIds) {
			all.addAll(pages("/api/v1/students?classId=" + c + "&size=200", s -> true));
		}
		return all;
	}

	private List<long[]> pages(String path, java.util.function.Predicate<JsonNode> keep) {
		List<long[]> students = new ArrayList<>();
		for (int page = 0; page < 1000; page++) {
			JsonNode r = call("GET", path + "&page=" + page, null, token, 200);
			for (JsonNode s : r.get("items")) {
				if (keep.test(s)) {
					students.add(new long[] { s.get("id").asLong(), s.get("classId").asLong() });
				}
			}
			if (r.get("items").size() < 200) {
				break;
			}
		}
		return students;
	}

	/** Setup calls on a few threads, bounded. */
	private void parallel(List<long[]> items, java.util.function.Consumer<long[]> call) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(8, daemon("setup"));
		AtomicLong failed = new AtomicLong();
		List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
		for (long[] item : items) {
			pool.execute(() -> {
				try {
					call.accept(item);
				}
				catch (RuntimeException ex) {
					failed.incrementAndGet();
					if (errors.size() < 3) {
						errors.add(ex.getMessage());
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.MINUTES);
		if (failed.get() > 0) {
			throw new IllegalStateException(failed.get() + " setup calls failed, e.g. " + errors);
		}
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		AtomicInteger n = new AtomicInteger();
		return r -> {
			Thread t = new Thread(null, r, name + "-" + n.incrementAndGet(), 256 * 1024);
			t.setDaemon(true);
			return t;
		};
	}
}
