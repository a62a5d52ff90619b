-- The medical grid's hospital directory (issue 8 point 6, ADR 0024), seeded with attachment 7 of the referral
-- procedure (宁波市三甲医院心理门诊一览): city-wide rows, public facts only (names, departments, addresses,
-- switchboard numbers), never a person's name. The seed's table lost its columns in text extraction; numbers and
-- campuses are assigned in reading order (their counts match each hospital's campuses).
create index hospital_district_idx on hospital (district_id) where district_id is not null;
create index hospital_school_idx on hospital (school_id) where school_id is not null;
-- A row belongs to one place: the city (both null), a district, or a school (which lies in a district).
alter table hospital add constraint hospital_one_place check (district_id is null or school_id is null);

insert into hospital (district_id, school_id, name, departments, address, phone, green_channel, notes) values
(null, null, '宁波市康宁医院', '儿童青少年心理门诊；心理咨询云中心',
 E'庄市院区：镇海区庄市街道庄俞南路1号\n海曙院区（宁波市心理咨询治疗中心）：海曙区范江岸路1105号\n鄞州门诊点：鄞州区百丈东路926号',
 E'0574-26251111\n0574-26252222\n0574-26253333', true,
 '宁波市中小学生心理诊疗绿色通道（宁波市学生心理诊疗与研究中心）。紧急情况由学校专职心理教师拨打儿童青少年心理门诊绿色通道电话 17857803090（工作日 8:00–11:20，13:30–16:30）。'),
(null, null, '宁波大学附属第一医院', '心身医学科',
 E'外滩院区：江北区人民路247号\n方桥院区：奉化区机场南路1601号\n海曙院区：海曙区柳汀街59号',
 '0574-87085151', false, null),
(null, null, '宁波市第二医院', '临床心理科', '海曙区西北街41号', '0574-88120120', false, null),
(null, null, '宁波市医疗中心李惠利医院', '心理卫生科',
 E'兴宁院区：鄞州区兴宁路57号\n东部院区：鄞州区江南路1111号',
 E'0574-87018701\n0574-55835583', false, null),
(null, null, '宁波市妇女儿童医院', '儿童心理门诊', '南部院区：海曙区柳汀街339号', '0574-87083401', false, null);
