package org.mindgrid.school;

public record SchoolInfo(long id, long districtId, String districtName, String name, Stage stage) {
}
