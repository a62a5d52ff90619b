package org.mindgrid.student.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mindgrid.screening.ScreeningFixture;
import org.mindgrid.support.Api;
import org.mindgrid.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11 point 2: the student list finds a name by part of it, by 学号 and by its pinyin initials. */
@IntegrationTest
class StudentSearchIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void namesAreFoundByTheirPinyinInitialsInEveryReading() {
		var cls = ScreeningFixture.newClass(jdbc, 7, 4);
		String[] names = { "张三丰", "曾小明", "李四", "Anna·李" };
		for (int i = 0; i < names.length; i++) {
			jdbc.sql("update student set name = :n where id = :id").param("n", names[i])
				.param("id", cls.students().get(i)).update();
		}
		assertThat(jdbc.sql("select name_initials from student where id = :id").param("id", cls.students().get(0))
			.query(String.class).single()).as("kept by the trigger on update").isEqualTo(" zsf");

		Api api = new Api(port);
		String list = "/api/v1/students?size=50&classId=" + cls.classId() + "&q=";
		assertThat(names(api, cls.headTeacher(), list + "zs")).containsExactly("张三丰");
		assertThat(names(api, cls.headTeacher(), list + "ZSF")).as("case does not matter").containsExactly("张三丰");
		// 曾 reads zēng and céng: either finds him
		assertThat(names(api, cls.headTeacher(), list + "zxm")).containsExactly("曾小明");
		assertThat(names(api, cls.headTeacher(), list + "cxm")).containsExactly("曾小明");
		assertThat(names(api, cls.headTeacher(), list + "sf")).as("from the start of the name only").isEmpty();
		assertThat(names(api, cls.headTeacher(), list + "ls")).containsExactly("李四");
		assertThat(names(api, cls.headTeacher(), list + "annal")).as("Latin letters as typed, · skipped")
			.containsExactly("Anna·李");
		assertThat(names(api, cls.headTeacher(), list + "李")).containsExactlyInAnyOrder("李四", "Anna·李");
		assertThat(names(api, "mentor1", list + "zs")).as("the scope still decides").isEmpty();
	}

	private static List<String> names(Api api, String user, String path) {
		Api.Response r = api.get(user, path);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		for (JsonNode item : r.json().get("items")) {
			names.add(item.get("name").asString());
		}
		return names;
	}
}
