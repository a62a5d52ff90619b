package org.mindgrid.crisis.events;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The module's settings: the emergency line shown on every event. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmergencyLine.class)
class CrisisConfiguration {
}
