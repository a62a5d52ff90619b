package org.mindgrid.warning.cases;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 point 2: the case list reads tiers from the caller's posts, not from the {@code case_access} view; for
 * every demo account it must list exactly the cases the view grants, with the category only from tier 2 up.
 */
@IntegrationTest
class CaseListScopeIntegrationTests {

	private static final List<String> USERS = List.of("admin", "city", "district", "principal1", "psych1", "head1",
			"mentor1", "mentor2", "staff1", "psych2", "committee1");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyAccountListsExactlyTheCasesTheViewGrants() {
		Api api = new Api(port);
		int compared = 0;
		for (String user : USERS) {
			Map<Long, Integer> granted = jdbc.sql("""
					select wc.id, max(ca.tier) from warning_case wc
					  join case_access ca on ca.student_id = wc.student_id
					  join app_user u on u.id = ca.user_id and u.username = :u
					 group by wc.id""")
				.param("u", user)
				.query((rs, i) -> Map.entry(rs.getLong(1), rs.getInt(2)))
				.list()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			Api.Response r = api.get(user, "/api/v1/cases?size=100");
			if (r.status() == 403) {
				assertThat(granted).as(user + " is refused the list, so the view must grant nothing").isEmpty();
				continue;
			}
			assertThat(r.status()).as(user + ": " + r.body()).isEqualTo(200);
			JsonNode page = r.json();
			Set<Long> listed = new HashSet<>();
			for (JsonNode item : page.get("items")) {
				long id = item.get("id").asLong();
				listed.add(id);
				Integer tier = granted.get(id);
				if (tier != null && tier < CaseAccess.HEAD_TEACHER) {
					JsonNode category = item.get("category");
					assertThat(category == null || category.isNull()).as(user + " (tier " + tier + ") reads case " + id
							+ "'s category").isTrue();
				}
			}
			if (granted.size() <= 100) {
				assertThat(listed).as(user).isEqualTo(granted.keySet());
				assertThat(page.get("total").asLong()).as(user).isEqualTo(granted.size());
			}
			else {
				assertThat(granted.keySet()).as(user).containsAll(listed);
			}
			compared += listed.size();
		}
		assertThat(compared).as("the demo has cases that some account lists").isPositive();
	}
}
