package org.mindgrid.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SmallCellsTests {

	@Test
	void oneToFourIsHiddenZeroAndFiveShow() {
		assertThat(SmallCells.cell(0)).isEqualTo("0");
		assertThat(SmallCells.cell(1)).isEqualTo("<5");
		assertThat(SmallCells.cell(4)).isEqualTo("<5");
		assertThat(SmallCells.cell(5)).isEqualTo("5");
	}

	@Test
	void aTotalDoesNotGiveAHiddenCellAway() {
		// 6 + 3 + 0: an exact 9 would tell the hidden 3
		assertThat(SmallCells.row(6, 3, 0)).isEqualTo(new SmallCells.Row(List.of("6", "<5", "0"), "≥7"));
		// 1 + 1: an exact 2 would tell both
		assertThat(SmallCells.row(1, 1, 0)).isEqualTo(new SmallCells.Row(List.of("<5", "<5", "0"), "<5"));
		assertThat(SmallCells.row(5, 1, 1)).isEqualTo(new SmallCells.Row(List.of("5", "<5", "<5"), "≥7"));
		assertThat(SmallCells.row(5, 7, 0)).isEqualTo(new SmallCells.Row(List.of("5", "7", "0"), "12"));
		assertThat(SmallCells.row(0, 0, 0).total()).isEqualTo("0");
	}
}
