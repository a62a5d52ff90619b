package org.mindgrid.student.web;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mindgrid.student.archive.ArchiveView;
import org.mindgrid.student.archive.GrowthArchive;

import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveFormTests {

	@Test
	void blankRowsAreDroppedAndValuesTrimmed() {
		ArchiveForm form = new ArchiveForm();
		form.getFamilyMembers().add(new ArchiveForm.Member(" 父亲 ", "", "44", null, null, "LIKE"));
		form.getFamilyMembers().add(new ArchiveForm.Member("", " ", "", null, null, ""));
		form.getLifeEvents().add(new ArchiveForm.Event("2024-02-10", "转学", null));
		form.getLifeEvents().add(new ArchiveForm.Event(null, null, null));
		form.setStudy("  ");
		form.dropBlankRows();
		var errors = new BeanPropertyBindingResult(form, "form");
		GrowthArchive archive = form.toArchive(errors);
		assertThat(errors.hasErrors()).isFalse();
		assertThat(archive.familyMembers()).containsExactly(
				new GrowthArchive.FamilyMember("父亲", null, 44, null, null, "LIKE"));
		assertThat(archive.lifeEvents()).hasSize(1);
		assertThat(archive.lifeEvents().get(0).date()).isEqualTo(LocalDate.of(2024, 2, 10));
		assertThat(archive.study()).isNull();
	}

	@Test
	void unreadableAgesAndDatesAreFieldErrorsOnTheRightRow() {
		ArchiveForm form = new ArchiveForm();
		form.getFamilyMembers().add(new ArchiveForm.Member("父亲", null, "44", null, null, null));
		form.getFamilyMembers().add(new ArchiveForm.Member("母亲", null, "四十", null, null, null));
		form.getLifeEvents().add(new ArchiveForm.Event("2024/13/01", "x", null));
		var errors = new BeanPropertyBindingResult(form, "form");
		form.toArchive(errors);
		assertThat(errors.getFieldError("familyMembers[1].age").getCode()).isEqualTo("archive.age-number");
		assertThat(errors.getFieldError("lifeEvents[0].date").getCode()).isEqualTo("archive.date-format");
		assertThat(errors.getFieldErrorCount()).isEqualTo(2);
	}

	@Test
	void formRoundTripsAnArchive() {
		GrowthArchive archive = new GrowthArchive(new GrowthArchive.Personal("汉族", "宁波", "海曙区"),
				new GrowthArchive.Health("POOR", "易疲劳", List.of("ASTHMA"), null), "学习", "兴趣", "家庭",
				List.of(new GrowthArchive.FamilyMember("母亲", "王丽", 40, "教师", "温和", "LIKE")), "HARMONIOUS", "OTHER",
				"安静", List.of(new GrowthArchive.SchoolHistory("2018–2024", "小学", "班长", "NEUTRAL")),
				List.of(new GrowthArchive.LifeEvent(LocalDate.of(2023, 5, 1), "搬家", "适应")));
		ArchiveForm form = ArchiveForm.of(new ArchiveView(3, archive, "李思远", null));
		assertThat(form.getVersion()).isEqualTo(3);
		form.dropBlankRows();
		assertThat(form.toArchive(new BeanPropertyBindingResult(form, "form"))).isEqualTo(archive);
	}
}
