package org.mindgrid.demo;

import java.util.Random;

/** Synthetic but realistic Chinese names, including a few rare characters that fonts and sorting must handle. */
final class ChineseNames {

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤";

	private static final String BOY = "浩宇轩子涵博文俊杰明辉晨阳睿泽一鸣天佑思远嘉豪志强建国伟梓昊铭景行宸喆堃昇";

	private static final String GIRL = "欣怡子涵雨桐思琪梓萱诗涵佳怡可馨雅琪若曦静语婷慧敏晓月梦瑶雪琳玥瑄芷妍";

	private final Random random;

	ChineseNames(long seed) {
		this.random = new Random(seed);
	}

	String next(boolean boy) {
		String pool = boy ? BOY : GIRL;
		StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
		name.append(pool.charAt(random.nextInt(pool.length())));
		if (random.nextInt(10) < 7) {
			name.append(pool.charAt(random.nextInt(pool.length())));
		}
		return name.toString();
	}

	boolean coin() {
		return random.nextBoolean();
	}

	int between(int lowInclusive, int highInclusive) {
		return lowInclusive + random.nextInt(highInclusive - lowInclusive + 1);
	}

	<T> T pick(T[] values) {
		return values[random.nextInt(values.length)];
	}
}
