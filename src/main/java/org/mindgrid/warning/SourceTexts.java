package org.mindgrid.warning;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The full text of the records that can raise a warning report, supplied by the modules that own them
 * (observation, mentoring), so a report and a timeline show each source whole without this module reading their
 * tables. Callers have already checked that the reader may read the student's archive.
 */
public interface SourceTexts {

	/** The source kinds this bean describes, e.g. {@code OBSERVATION}. */
	Set<String> kinds();

	/** The parts of each record of {@code kind} by id; unknown ids are left out. */
	Map<Long, List<SourcePart>> parts(String kind, Collection<Long> ids);
}
