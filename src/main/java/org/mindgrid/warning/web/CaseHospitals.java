package org.mindgrid.warning.web;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hospitals a case's school may refer to: its own rows, its district's and the city's (the same rule
 * {@code CaseWork} checks a referral against). Read only for readers who already passed the case's FULL tier.
 */
@Component
class CaseHospitals {

	record Hospital(long id, String name, String departments) {
	}

	private final JdbcClient jdbc;

	CaseHospitals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Hospital> forCase(long caseId) {
		return jdbc.sql("""
				select h.id, h.name, h.departments from hospital h
				  join warning_case wc on wc.id = :c join school sc on sc.id = wc.school_id
				 where h.school_id = sc.id or (h.school_id is null and (h.district_id is null or h.district_id = sc.district_id))
				 order by h.school_id is null, h.district_id is null, h.name, h.id""")
			.param("c", caseId)
			.query((rs, i) -> new Hospital(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}
}
