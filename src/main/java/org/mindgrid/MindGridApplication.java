package org.mindgrid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MindGridApplication {

	public static void main(String[] args) {
		SpringApplication.run(MindGridApplication.class, args);
	}
}
